package dev.tenantry.authz.engine;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group and its members; members receive the group's assignments (DESIGN §3.2). Owner null =
 * instance-wide.
 */
public record GroupNode(UUID id, @Nullable UUID ownerTenantId, Set<UUID> memberUserIds) {
  public GroupNode {
    Objects.requireNonNull(id, "id");
    memberUserIds = Set.copyOf(memberUserIds);
  }
}
