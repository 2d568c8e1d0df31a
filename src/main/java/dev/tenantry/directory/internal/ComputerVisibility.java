package dev.tenantry.directory.internal;

import dev.tenantry.directory.ComputerType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which computers a caller may see, in the shape the authz engine will produce: whole tenants, plus
 * resource grants (DESIGN §2 RESOURCE scope). Rendered to SQL by {@link ComputerVisibilitySql}.
 */
public record ComputerVisibility(Set<UUID> tenantIds, List<Grant> grants) {

  public ComputerVisibility {
    tenantIds = Set.copyOf(tenantIds);
    grants = List.copyOf(grants);
  }

  /** A resource grant; {@code tenantId} optionally limits tag and type grants to one tenant. */
  public sealed interface Grant {}

  public record OneComputer(UUID computerId) implements Grant {}

  public record TaggedComputers(UUID tagId, @Nullable UUID tenantId) implements Grant {}

  public record ComputersOfType(ComputerType type, @Nullable UUID tenantId) implements Grant {}
}
