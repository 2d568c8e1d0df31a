package dev.tenantry.authz.engine;

import dev.tenantry.authz.ComputerType;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A computer as the engine sees it: its tenant, type and current tags (what resource scopes select
 * on).
 */
public record ComputerNode(UUID id, UUID tenantId, ComputerType type, Set<UUID> tagIds) {
  public ComputerNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(type, "type");
    tagIds = Set.copyOf(tagIds);
  }
}
