package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixFixtures.unique;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.RoleTemplates;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.security.MatrixRecipes.Call;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Expect;
import dev.tenantry.security.MatrixRecipes.Outcome;
import dev.tenantry.security.MatrixRecipes.Recipe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The group and role routes of the matrix again, with instance-wide groups (no owner tenant) and
 * public custom roles instead of tenant-owned ones: who may see, change, fill, clone and assign
 * them, as the engine decides. The tenant a recipe gets is where the member, the assignee or the
 * clone lives.
 */
final class GlobalObjectRecipes {
  private static final Target GLOBAL = Target.globalObject(null);
  private static final Target SYS = Target.system();

  final Map<String, Recipe> all = new LinkedHashMap<>();
  private final MatrixRecipes base;
  private final MatrixFixtures fx;
  private final Authorizer az;
  private final AntiEscalation anti = new AntiEscalation();

  GlobalObjectRecipes(MatrixRecipes base, MatrixFixtures fx, Authorizer az) {
    this.base = base;
    this.fx = fx;
    this.az = az;
    groups();
    roles();
  }

  private MatrixRecipes.Chk chk(UUID u) {
    return base.new Chk(u);
  }

  private static Case of(String method, String path, Object body, Expect e) {
    return new Case(new Call(method, path, body), e, () -> {});
  }

  private static Target t(UUID tenant) {
    return Target.tenant(tenant);
  }

  private void groups() {
    String gs = "/api/v1/groups";
    all.put(
        "POST " + gs,
        (t, w) ->
            of(
                "POST",
                gs,
                Map.of("name", unique("g")),
                u -> chk(u).need(GROUPS_MANAGE, GLOBAL).get()));
    all.put(
        "GET " + gs + "/{id}",
        (t, w) ->
            of(
                "GET",
                gs + "/" + fx.group(null),
                null,
                u -> chk(u).view(GROUPS_VIEW, GLOBAL).get()));
    for (String method : List.of("PUT", "DELETE")) {
      all.put(
          method + " " + gs + "/{id}",
          (t, w) ->
              of(
                  method,
                  gs + "/" + fx.group(null),
                  method.equals("PUT") ? Map.of("name", unique("g")) : null,
                  u -> chk(u).view(GROUPS_VIEW, GLOBAL).need(GROUPS_MANAGE, GLOBAL).get()));
    }
    all.put(
        "GET " + gs + "/{id}/members/{userId}",
        (t, w) -> {
          UUID g = fx.group(null);
          UUID m = fx.user(t);
          fx.addMember(g, m);
          return of(
              "GET",
              gs + "/" + g + "/members/" + m,
              null,
              u -> chk(u).view(GROUPS_VIEW, GLOBAL).get());
        });
    all.put(
        "PUT " + gs + "/{id}/members/{userId}",
        (t, w) -> {
          UUID g = fx.group(null);
          UUID m = fx.user(t);
          return of(
              "PUT",
              gs + "/" + g + "/members/" + m,
              null,
              u ->
                  chk(u)
                      .view(GROUPS_VIEW, GLOBAL)
                      .need(GROUPS_MANAGE, GLOBAL)
                      .view(USERS_VIEW, t(t))
                      .step(
                          anti.canAddMember(az.snapshot(), u, g, m, az.now()).allowed(),
                          Outcome.FORBID)
                      .get());
        });
    all.put(
        "DELETE " + gs + "/{id}/members/{userId}",
        (t, w) -> {
          UUID g = fx.group(null);
          UUID m = fx.user(t);
          fx.addMember(g, m);
          return of(
              "DELETE",
              gs + "/" + g + "/members/" + m,
              null,
              u -> chk(u).view(GROUPS_VIEW, GLOBAL).need(GROUPS_MANAGE, GLOBAL).get());
        });
    // an instance-wide group as the principal of an assignment at its members' tenants
    all.put(
        "POST /api/v1/role-assignments",
        (t, w) -> {
          UUID g = fx.group(null);
          UUID role = fx.role(null);
          return of(
              "POST",
              "/api/v1/role-assignments",
              Map.of(
                  "principal",
                  Map.of("type", "GROUP", "id", g),
                  "roleId",
                  role,
                  "scope",
                  Map.of("kind", "TENANT", "tenantId", t, "includeChildren", false),
                  "effect",
                  "ALLOW"),
              u ->
                  chk(u)
                      .view(GROUPS_VIEW, GLOBAL)
                      .step(
                          anti.canAssign(
                                  az.snapshot(),
                                  u,
                                  Principal.group(g),
                                  role,
                                  Scope.tenant(t, false),
                                  Effect.ALLOW,
                                  az.now())
                              .allowed(),
                          Outcome.FORBID)
                      .get());
        });
  }

  private void roles() {
    String rs = "/api/v1/roles";
    String template =
        RoleTemplates.ALL.getFirst().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    all.put(
        "POST " + rs,
        (t, w) ->
            of(
                "POST",
                rs,
                Map.of("name", unique("r"), "permissions", List.of("computers:view")),
                u -> chk(u).need(ROLES_MANAGE_PUBLIC, SYS).get()));
    all.put(
        "POST " + rs + "/templates/{key}/clone",
        (t, w) ->
            of(
                "POST",
                rs + "/templates/" + template + "/clone",
                Map.of("name", unique("r")),
                u -> chk(u).need(ROLES_MANAGE_PUBLIC, SYS).get()));
    // everyone who is a user sees public roles
    all.put(
        "GET " + rs + "/{id}",
        (t, w) -> of("GET", rs + "/" + fx.role(null), null, u -> Outcome.ALLOW));
    all.put(
        "PUT " + rs + "/{id}",
        (t, w) ->
            of(
                "PUT",
                rs + "/" + fx.role(null),
                Map.of("name", unique("r"), "permissions", List.of("computers:view"), "version", 0),
                u -> chk(u).need(ROLES_MANAGE_PUBLIC, SYS).get()));
    all.put(
        "DELETE " + rs + "/{id}",
        (t, w) ->
            of(
                "DELETE",
                rs + "/" + fx.role(null),
                null,
                u -> chk(u).need(ROLES_MANAGE_PUBLIC, SYS).get()));
    // a public role cloned into the target tenant
    all.put(
        "POST " + rs + "/{id}/clone",
        (t, w) ->
            of(
                "POST",
                rs + "/" + fx.role(null) + "/clone",
                Map.of("name", unique("r"), "ownerTenantId", t),
                u -> chk(u).view(ROLES_VIEW, t(t)).need(ROLES_MANAGE, t(t)).get()));
  }
}
