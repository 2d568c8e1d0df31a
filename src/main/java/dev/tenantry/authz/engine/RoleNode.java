package dev.tenantry.authz.engine;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.RoleDefinition;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role's permissions; owner null = public. Names and descriptions are not the engine's concern.
 */
public record RoleNode(UUID id, Set<Permission> permissions, @Nullable UUID ownerTenantId) {
  public RoleNode {
    Objects.requireNonNull(id, "id");
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
  }

  /** A built-in role or template as a public role node. */
  public static RoleNode of(RoleDefinition definition) {
    return new RoleNode(definition.id(), definition.permissions(), null);
  }
}
