package dev.tenantry.authz.oracle;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.authz.engine.PolicySnapshot;
import java.time.Instant;
import java.util.UUID;

/**
 * The rules under test: {@link AntiEscalation} as the services call it (assignment create and
 * remove, membership, access-request approval with USERS_TENANT as the new user's tenant, role
 * edit, impersonation).
 */
final class CurrentRules implements AccessChangeOracle.Judge {
  private final AntiEscalation rules = new AntiEscalation();

  @Override
  public boolean accepts(OracleWorld w, UUID actor, OracleRequest req, Instant now) {
    PolicySnapshot s = w.snapshot();
    return switch (req) {
      case OracleRequest.Assign a ->
          rules
              .canCreate(s, actor, a.principal(), a.role(), a.scope(), a.effect(), a.expires(), now)
              .allowed();
      case OracleRequest.Remove r ->
          rules.canRemoveAssignment(s, actor, r.assignment(), now).allowed();
      case OracleRequest.AddMember m ->
          rules.canAddMember(s, actor, m.group(), m.user(), now).allowed();
      case OracleRequest.Approve a -> {
        Scope scope =
            a.scope() instanceof Scope.UsersTenant ? Scope.tenant(a.tenant(), false) : a.scope();
        yield rules
            .canCreate(
                s,
                actor,
                Principal.user(a.newUser()),
                a.role(),
                scope,
                Effect.ALLOW,
                a.expires(),
                now)
            .allowed();
      }
      case OracleRequest.EditRole e ->
          rules.canEditRole(s, actor, e.role(), e.permissions(), now).allowed();
      case OracleRequest.Impersonate i ->
          rules.canImpersonate(s, actor, i.target(), i.until(), now).allowed();
    };
  }
}
