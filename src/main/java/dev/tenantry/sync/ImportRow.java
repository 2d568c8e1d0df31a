package dev.tenantry.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One tenant of an import preview (GDAP customer or CSV line): what would be created, and why not
 * when {@code errors} is not empty. {@code alreadyLinked}: the Entra tenant is linked to a tenant.
 */
public record ImportRow(
    int line,
    String name,
    @Nullable UUID azureTenantId,
    @Nullable UUID parentId,
    List<UUID> tagIds,
    boolean alreadyLinked,
    List<String> errors) {

  public boolean ok() {
    return errors.isEmpty();
  }
}
