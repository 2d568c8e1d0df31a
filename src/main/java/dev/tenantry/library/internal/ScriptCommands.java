package dev.tenantry.library.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Inputs of the script use cases. */
public final class ScriptCommands {
  private ScriptCommands() {}

  public record Save(
      String name,
      String description,
      String category,
      String language,
      String body,
      List<ScriptParameter> parameters,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAllTenants,
      String note) {}

  /**
   * Filters and order of the script list; {@code owner} is {@code global}, {@code owned} or null.
   */
  public record Query(
      @Nullable String q,
      @Nullable UUID ownerTenantId,
      @Nullable String owner,
      @Nullable String category,
      @Nullable String language,
      String sort,
      int page,
      int size) {}
}
