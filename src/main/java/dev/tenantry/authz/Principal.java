package dev.tenantry.authz;

import java.util.UUID;

/** Who a role assignment is given to: one user, or every member of a group (DESIGN §3.2). */
public sealed interface Principal {
  UUID id();

  record UserPrincipal(UUID id) implements Principal {}

  record GroupPrincipal(UUID id) implements Principal {}

  static Principal user(UUID id) {
    return new UserPrincipal(id);
  }

  static Principal group(UUID id) {
    return new GroupPrincipal(id);
  }
}
