package dev.tenantry.authz.oracle;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.AssignmentNode;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The access-changing requests the oracle throws at the rules (DESIGN §3.6, §5). */
sealed interface OracleRequest {
  UUID NEW_ASSIGNMENT = UUID.fromString("00000000-0000-0000-0000-00000000a551");

  record Assign(
      Principal principal, UUID role, Scope scope, Effect effect, @Nullable Instant expires)
      implements OracleRequest {}

  record Remove(UUID assignment) implements OracleRequest {}

  record AddMember(UUID group, UUID user) implements OracleRequest {}

  /** Approving an access request: a new user in {@code tenant} gets the role at the scope. */
  record Approve(UUID newUser, UUID tenant, UUID role, Scope scope, @Nullable Instant expires)
      implements OracleRequest {}

  record EditRole(UUID role, Set<Permission> permissions) implements OracleRequest {}

  record Impersonate(UUID target, Instant until) implements OracleRequest {}

  /** The world after the request (impersonation changes no stored access: the same world). */
  default OracleWorld applyTo(OracleWorld before) {
    OracleWorld w = before.copy();
    switch (this) {
      case Assign a ->
          w.assignments.put(
              NEW_ASSIGNMENT,
              new AssignmentNode(
                  NEW_ASSIGNMENT, a.principal, a.role, a.scope, a.effect, a.expires));
      case Remove r -> w.assignments.remove(r.assignment);
      case AddMember m -> {
        var g = w.groups.get(m.group);
        var members = new java.util.HashSet<>(g.members());
        members.add(m.user);
        w.groups.put(g.id(), new OracleWorld.Group(g.id(), g.owner(), Set.copyOf(members)));
      }
      case Approve a -> {
        w.users.put(a.newUser, new OracleWorld.User(a.newUser, a.tenant, true, null));
        w.assignments.put(
            NEW_ASSIGNMENT,
            new AssignmentNode(
                NEW_ASSIGNMENT,
                Principal.user(a.newUser),
                a.role,
                a.scope,
                Effect.ALLOW,
                a.expires));
      }
      case EditRole e -> {
        var r = w.roles.get(e.role);
        w.roles.put(r.id(), new OracleWorld.Role(r.id(), e.permissions, r.owner()));
      }
      case Impersonate i -> {}
    }
    return w;
  }
}
