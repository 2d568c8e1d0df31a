package dev.tenantry.directory.internal;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.ComputerType;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Inputs and outputs of the computer use cases. */
public final class ComputerCommands {
  private ComputerCommands() {}

  public record Create(
      UUID tenantId,
      String name,
      ComputerType type,
      @Nullable UUID primaryPersonId,
      String os,
      String serial) {}

  /** A full replacement of the editable fields; {@code tenantId}, when given, must not change. */
  public record Update(
      @Nullable UUID tenantId,
      String name,
      ComputerType type,
      @Nullable UUID primaryPersonId,
      String os,
      String serial,
      long expectedVersion) {}

  /** Moves computers to {@code targetTenantId}, all or none. */
  public record ChangeTenant(List<UUID> computerIds, UUID targetTenantId) {}

  /**
   * One computer of a batch move. {@code clearedPrimaryPersonId} is set when the primary person
   * stayed behind in the old tenant and was therefore removed from the computer.
   */
  public record Moved(
      UUID computerId,
      String name,
      UUID fromTenantId,
      UUID toTenantId,
      @Nullable UUID primaryPersonId,
      @Nullable UUID clearedPrimaryPersonId) {}

  /** The outcome of a batch move; computers already in the target are listed, not moved. */
  public record TenantChanged(
      UUID targetTenantId,
      List<Moved> moved,
      List<UUID> alreadyInTarget,
      AccessChangeList accessChanges) {}
}
