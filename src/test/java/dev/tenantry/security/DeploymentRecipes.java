package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixFixtures.unique;
import static dev.tenantry.security.MatrixRecipes.always;
import static dev.tenantry.security.MatrixRecipes.of;
import static dev.tenantry.security.MatrixRecipes.t;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.security.MatrixRecipes.Outcome;
import java.util.Map;
import java.util.UUID;

/**
 * The deployments' routes in the authorization matrix (issue 12): a deployment to the target tenant
 * (written with SQL) of a global software, and the engine's answer for what each route declares.
 * Preference "Allow Non-Admin Users to Manage Deployments" is off (its default): besides the
 * permissions, a change needs an admin (the permission at OWNER or the tenant's MSP) or the
 * Deployment Manager role. A tenant target's reach is the tenant itself, so the engine's check on
 * the tenant is the reach check; tag and cross-tenant reach are proven in {@code
 * dev.tenantry.deployments}.
 */
final class DeploymentRecipes {
  private static final String BASE = "/api/v1/deployments";
  private final MatrixRecipes m;
  private final MatrixFixtures fx;
  private final Authorizer az;

  DeploymentRecipes(MatrixRecipes m, MatrixFixtures fx, Authorizer az) {
    this.m = m;
    this.fx = fx;
    this.az = az;
    m.add("GET " + BASE, (t, w) -> of("GET", BASE, null, always(Outcome.ALLOW)));
    m.add(
        "GET " + BASE + "/{id}",
        (t, w) ->
            of(
                "GET",
                BASE + "/" + deployment(t),
                null,
                u -> m.chk(u).view(DEPLOYMENTS_VIEW, t(t)).get()));
    m.add(
        "GET " + BASE + "/{id}/computers",
        (t, w) ->
            of(
                "GET",
                BASE + "/" + deployment(t) + "/computers",
                null,
                u -> m.chk(u).view(DEPLOYMENTS_VIEW, t(t)).get()));
    m.add(
        "POST " + BASE + "/preview",
        (t, w) ->
            of(
                "POST",
                BASE + "/preview",
                Map.of("target", Map.of("kind", "TENANT", "tenantId", t)),
                u -> m.chk(u).view(DEPLOYMENTS_VIEW, t(t)).get()));
    m.add(
        "GET /api/v1/computers/{id}/deployments",
        (t, w) -> {
          UUID pc = fx.computer(t);
          return of(
              "GET",
              "/api/v1/computers/" + pc + "/deployments",
              null,
              u -> m.chk(u).view(COMPUTERS_VIEW, MatrixRecipes.c(pc)).get());
        });
    m.add(
        "POST " + BASE,
        (t, w) -> of("POST", BASE, body(t, null), u -> write(u, t, DEPLOYMENTS_MANAGE)));
    m.add(
        "PUT " + BASE + "/{id}",
        (t, w) ->
            of(
                "PUT",
                BASE + "/" + deployment(t),
                body(t, 0L),
                u -> write(u, t, DEPLOYMENTS_MANAGE)));
    m.add(
        "DELETE " + BASE + "/{id}",
        (t, w) ->
            of("DELETE", BASE + "/" + deployment(t), null, u -> write(u, t, DEPLOYMENTS_DELETE)));
  }

  /** DeploymentAccess for a tenant target: view, the permission (or a change request), the gate. */
  private Outcome write(UUID u, UUID t, Permission p) {
    boolean deleting = p == DEPLOYMENTS_DELETE;
    if (!m.can(u, DEPLOYMENTS_VIEW, t(t))) {
      return Outcome.HIDE;
    }
    if (!m.can(u, p, t(t))) {
      if (!m.can(u, DEPLOYMENTS_MANAGE_CHANGE_REQUESTS, t(t)) || !changeRequestsExist()) {
        return Outcome.FORBID;
      }
    } else if (!admin(u, t, p)) {
      return Outcome.FORBID;
    }
    return deleting || m.can(u, SOFTWARE_VIEW, Target.globalObject(null))
        ? Outcome.ALLOW
        : Outcome.HIDE;
  }

  private boolean admin(UUID u, UUID t, Permission p) {
    UUID msp =
        fx.jdbc.sql("select msp_id from tenant where id = ?").param(t).query(UUID.class).single();
    return m.can(u, p, Target.globalObject(msp))
        || az.explain(u, p, t(t)).allows().stream()
            .map(MatchedAssignment::roleId)
            .anyMatch(BuiltInRoles.DEPLOYMENT_MANAGER.id()::equals);
  }

  /** The change-request feature is installed (its table exists). */
  private boolean changeRequestsExist() {
    return fx.jdbc
        .sql("select to_regclass('change_request') is not null")
        .query(Boolean.class)
        .single();
  }

  private UUID software() {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql("insert into software (id, name) values (?, ?)")
                .params(id, unique("sw"))
                .update());
    return id;
  }

  private Map<String, Object> body(UUID t, Long version) {
    Map<String, Object> b = new java.util.LinkedHashMap<>();
    b.put("subjectKind", "SOFTWARE");
    b.put("subjectId", software());
    b.put("desiredState", "KEEP_LATEST");
    b.put("target", Map.of("kind", "TENANT", "tenantId", t));
    if (version != null) {
      b.put("version", version);
    }
    return b;
  }

  /** A deployment of a global software to the tenant, version 0. */
  UUID deployment(UUID t) {
    UUID id = UUID.randomUUID();
    UUID sw = software();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into deployment (id, name, subject_kind, software_id, desired_state, target_kind,"
                        + " target_tenant_id, owner_tenant_id) values (?, ?, 'SOFTWARE', ?, 'KEEP_LATEST',"
                        + " 'TENANT', ?, ?)")
                .params(id, unique("dep"), sw, t, t)
                .update());
    return id;
  }
}
