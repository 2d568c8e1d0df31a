package dev.tenantry.authz.engine;

import dev.tenantry.authz.TenantKind;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant as the engine sees it: tree position, owning MSP (itself for an MSP) and current tags.
 */
public record TenantNode(
    UUID id, @Nullable UUID parentId, UUID mspId, TenantKind kind, Set<UUID> tagIds) {
  public TenantNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(kind, "kind");
    tagIds = Set.copyOf(tagIds);
  }
}
