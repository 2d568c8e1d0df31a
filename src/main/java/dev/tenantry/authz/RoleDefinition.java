package dev.tenantry.authz;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A role written in code: a built-in role (fixed id, read-only) or a template to clone (DESIGN §4).
 */
public record RoleDefinition(
    UUID id, String name, String description, Set<Permission> permissions) {

  public RoleDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
  }

  public boolean holds(Permission p) {
    return permissions.contains(p);
  }

  /**
   * True when the role holds a system permission, so assigning it needs {@code
   * roles:assign-cross-tenant} (6b).
   */
  public boolean holdsSystemPermission() {
    return permissions.stream().anyMatch(Permission::system);
  }
}
