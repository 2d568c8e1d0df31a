package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixFixtures.unique;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.RoleTemplates;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.support.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The route catalogue of {@link AuthorizationMatrixTest}: for every API route, how to build a valid
 * request against fresh objects in a target tenant, and what the engine says the outcome must be
 * for a user. Expectations ask the engine ({@link Authorizer#check}, {@link AntiEscalation}) the
 * same questions the route's {@code @Requires} declares, in the order the access class asks them: a
 * missing {@code *:view} hides the object (404), any other missing permission forbids (403).
 */
final class MatrixRecipes {
  /**
   * DENIED: 403 or 404 (a caller without a user); REFUSED: a business refusal (400/409/412/428).
   */
  enum Outcome {
    ALLOW,
    FORBID,
    HIDE,
    DENIED,
    REFUSED,
    UNAUTH
  }

  record Call(String method, String path, @Nullable Object body) {}

  interface Expect {
    Outcome of(UUID user);
  }

  record Case(Call call, Expect expect, Runnable after) {}

  enum Kind {
    ROLE,
    ANONYMOUS,
    NO_USER,
    IMPERSONATING
  }

  /**
   * A caller: its HTTP client (fresh per request for callers without a user) and the user it acts
   * as.
   */
  record Who(String name, Kind kind, Supplier<Http> http, @Nullable UUID user) {}

  interface Recipe {
    Case make(UUID tenant, Who who);
  }

  private static final Runnable NOTHING = () -> {};
  final Map<String, Recipe> all = new LinkedHashMap<>();
  private final MatrixFixtures fx;
  private final Authorizer az;
  private final AntiEscalation anti = new AntiEscalation();
  private final Runnable restartImpersonation;

  MatrixRecipes(MatrixFixtures fx, Authorizer az, Runnable restartImpersonation) {
    this.fx = fx;
    this.az = az;
    this.restartImpersonation = restartImpersonation;
    tenancy();
    directory();
    identity();
    authz();
    SpeedRecipes.register(all, fx::user, t -> u -> chk(u).view(USERS_VIEW, t(t)).get());
    new SyncRecipes(this, fx).register();
    new LibraryRecipes(this, fx);
    new ChangeRequestRecipes(this, fx);
    new DeploymentRecipes(this, fx, az);
    new MaintenanceRecipes(this, fx);
  }

  // ---- expectations
  // --------------------------------------------------------------------------------------------

  final class Chk {
    private final UUID u;
    private @Nullable Outcome result;

    Chk(UUID u) {
      this.u = u;
    }

    Chk view(Permission p, Target t) {
      return step(can(u, p, t), Outcome.HIDE);
    }

    Chk need(Permission p, Target t) {
      return step(can(u, p, t), Outcome.FORBID);
    }

    Chk anywhere(Permission p) {
      return step(!az.grants(u, p).isNothing(), Outcome.FORBID);
    }

    Chk step(boolean ok, Outcome otherwise) {
      if (result == null && !ok) {
        result = otherwise;
      }
      return this;
    }

    Outcome get() {
      return result == null ? Outcome.ALLOW : result;
    }
  }

  boolean can(UUID u, Permission p, Target t) {
    return az.check(u, p, t).allowed();
  }

  Chk chk(UUID u) {
    return new Chk(u);
  }

  static Target t(UUID tenant) {
    return Target.tenant(tenant);
  }

  static Target c(UUID computer) {
    return Target.computer(computer);
  }

  private static final Target SYS = Target.system();
  private static final Target GLOBAL = Target.globalObject(null);

  static Expect always(Outcome o) {
    return u -> o;
  }

  void add(String route, Recipe r) {
    if (all.put(route, r) != null) {
      throw new IllegalStateException("two recipes for " + route);
    }
  }

  static Case of(String method, String path, @Nullable Object body, Expect e) {
    return new Case(new Call(method, path, body), e, NOTHING);
  }

  private boolean canAssign(UUID u, UUID principalUser, UUID roleId, Scope scope) {
    return anti.canAssign(
            az.snapshot(), u, Principal.user(principalUser), roleId, scope, Effect.ALLOW, az.now())
        .allowed();
  }

  private static Map<String, Object> tenantScope(UUID tenant) {
    return Map.of("kind", "TENANT", "tenantId", tenant, "includeChildren", false);
  }

  // ---- tenancy
  // -------------------------------------------------------------------------------------------------

  private void tenancy() {
    String pa = "/api/v1/preferences/application";
    add("GET " + pa, (t, w) -> of("GET", pa, null, u -> chk(u).need(PREFERENCES_VIEW, SYS).get()));
    add(
        "PATCH " + pa,
        (t, w) ->
            of(
                "PATCH",
                pa,
                Map.of("azure.user-sync.enabled", false),
                u -> chk(u).need(PREFERENCES_MANAGE, SYS).get()));
    for (String p :
        List.of("/api/v1/tenants/{id}/preferences", "/api/v1/preferences/tenants/{id}")) {
      add(
          "GET " + p,
          (t, w) ->
              of(
                  "GET",
                  p.replace("{id}", t.toString()),
                  null,
                  u -> chk(u).view(TENANTS_VIEW, t(t)).need(TENANT_PREFERENCES_VIEW, t(t)).get()));
      add(
          "PATCH " + p,
          (t, w) ->
              of(
                  "PATCH",
                  p.replace("{id}", t.toString()),
                  Map.of("agent.updateChannel", "STABLE"),
                  u ->
                      chk(u).view(TENANTS_VIEW, t(t)).need(TENANT_PREFERENCES_MANAGE, t(t)).get()));
    }
    add(
        "GET /api/v1/tags",
        (t, w) -> of("GET", "/api/v1/tags", null, u -> chk(u).need(TAGS_VIEW, GLOBAL).get()));
    add(
        "GET /api/v1/tags/{id}",
        (t, w) ->
            of("GET", "/api/v1/tags/" + fx.tag(), null, u -> chk(u).need(TAGS_VIEW, GLOBAL).get()));
    add(
        "POST /api/v1/tags",
        (t, w) ->
            of(
                "POST",
                "/api/v1/tags",
                Map.of("name", unique("tag")),
                u -> chk(u).need(TAGS_MANAGE, GLOBAL).get()));
    for (String m : List.of("PUT", "PATCH")) {
      add(
          m + " /api/v1/tags/{id}",
          (t, w) ->
              of(
                  m,
                  "/api/v1/tags/" + fx.tag(),
                  Map.of("name", unique("tag"), "version", 0),
                  u -> chk(u).need(TAGS_MANAGE, GLOBAL).get()));
    }
    add(
        "DELETE /api/v1/tags/{id}",
        (t, w) ->
            of(
                "DELETE",
                "/api/v1/tags/" + fx.tag(),
                null,
                u -> chk(u).need(TAGS_MANAGE, GLOBAL).get()));

    add("GET /api/v1/tenants", (t, w) -> of("GET", "/api/v1/tenants", null, always(Outcome.ALLOW)));
    add(
        "POST /api/v1/tenants",
        (t, w) ->
            of(
                "POST",
                "/api/v1/tenants",
                Map.of("name", unique("mx"), "parentId", t),
                u -> chk(u).view(TENANTS_VIEW, t(t)).need(TENANTS_CREATE, t(t)).get()));
    add(
        "GET /api/v1/tenants/{id}",
        (t, w) ->
            of("GET", "/api/v1/tenants/" + t, null, u -> chk(u).view(TENANTS_VIEW, t(t)).get()));
    add(
        "PUT /api/v1/tenants/{id}",
        (t, w) -> {
          UUID f = fx.tenantUnder(t);
          return of(
              "PUT",
              "/api/v1/tenants/" + f,
              Map.of("name", unique("mx"), "kind", "CLIENT", "parentId", t, "version", 0),
              u -> chk(u).view(TENANTS_VIEW, t(f)).need(TENANTS_MANAGE, t(f)).get());
        });
    add(
        "PATCH /api/v1/tenants/{id}",
        (t, w) -> {
          UUID f = fx.tenantUnder(t);
          return of(
              "PATCH",
              "/api/v1/tenants/" + f,
              Map.of("description", "patched", "version", 0),
              u -> chk(u).view(TENANTS_VIEW, t(f)).need(TENANTS_MANAGE, t(f)).get());
        });
    add(
        "DELETE /api/v1/tenants/{id}",
        (t, w) -> {
          UUID f = fx.tenantUnder(t);
          return of(
              "DELETE",
              "/api/v1/tenants/" + f,
              null,
              u -> chk(u).view(TENANTS_VIEW, t(f)).need(TENANTS_DELETE, t(f)).get());
        });
    for (String action : List.of("activate", "deactivate")) {
      add(
          "POST /api/v1/tenants/{id}/" + action,
          (t, w) -> {
            UUID f = fx.tenantUnder(t);
            return of(
                "POST",
                "/api/v1/tenants/" + f + "/" + action,
                null,
                u -> chk(u).view(TENANTS_VIEW, t(f)).need(TENANTS_MANAGE, t(f)).get());
          });
    }
    for (String m : List.of("PUT", "DELETE")) {
      add(
          m + " /api/v1/tenants/{id}/tags/{tagId}",
          (t, w) ->
              of(
                  m,
                  "/api/v1/tenants/" + t + "/tags/" + fx.tag(),
                  null,
                  u -> chk(u).view(TENANTS_VIEW, t(t)).need(TAGS_ASSIGN, t(t)).get()));
    }
    add(
        "POST /api/v1/tenants/{id}/merge",
        (t, w) -> {
          UUID from = fx.tenantUnder(t);
          UUID to = fx.tenantUnder(t);
          return of(
              "POST",
              "/api/v1/tenants/" + from + "/merge",
              Map.of("targetTenantId", to),
              u ->
                  chk(u)
                      .view(TENANTS_VIEW, t(from))
                      .need(TENANTS_MERGE, t(from))
                      .view(TENANTS_VIEW, t(to))
                      .need(TENANTS_MERGE, t(to))
                      .get());
        });
  }

  // ---- directory
  // -----------------------------------------------------------------------------------------------

  private void directory() {
    String cs = "/api/v1/computers";
    add("GET " + cs, (t, w) -> of("GET", cs, null, always(Outcome.ALLOW)));
    add(
        "GET " + cs + "/{id}",
        (t, w) -> {
          UUID pc = fx.computer(t);
          return of("GET", cs + "/" + pc, null, u -> chk(u).view(COMPUTERS_VIEW, c(pc)).get());
        });
    add(
        "POST " + cs,
        (t, w) ->
            of(
                "POST",
                cs,
                // a SERVER: the matrix's "@RESOURCE(workstations of sibling)" caller would
                // otherwise
                // gain every new workstation of sibling, which DESIGN 3.10 makes a confirmed
                // structural change (tested in ComputerStructuralChangesTest), not a plain create
                Map.of("tenantId", t, "name", unique("pc"), "type", "SERVER"),
                u ->
                    chk(u)
                        .step(
                            can(u, TENANTS_VIEW, t(t)) || can(u, COMPUTERS_VIEW, t(t)),
                            Outcome.HIDE)
                        .need(COMPUTERS_MANAGE, t(t))
                        .get()));
    add(
        "PUT " + cs + "/{id}",
        (t, w) -> {
          UUID pc = fx.computer(t);
          return of(
              "PUT",
              cs + "/" + pc,
              Map.of("name", unique("pc"), "type", "SERVER", "version", 0),
              u -> chk(u).view(COMPUTERS_VIEW, c(pc)).need(COMPUTERS_MANAGE, c(pc)).get());
        });
    add(
        "DELETE " + cs + "/{id}",
        (t, w) -> {
          UUID pc = fx.computer(t);
          return of(
              "DELETE",
              cs + "/" + pc,
              null,
              u -> chk(u).view(COMPUTERS_VIEW, c(pc)).need(COMPUTERS_DELETE, c(pc)).get());
        });
    for (String m : List.of("PUT", "DELETE")) {
      add(
          m + " " + cs + "/{id}/tags/{tagId}",
          (t, w) -> {
            UUID pc = fx.computer(t);
            return of(
                m,
                cs + "/" + pc + "/tags/" + fx.tag(),
                null,
                u -> chk(u).view(COMPUTERS_VIEW, c(pc)).need(TAGS_ASSIGN, c(pc)).get());
          });
    }
    add(
        "POST " + cs + "/change-tenant",
        (t, w) -> {
          UUID pc = fx.computer(t);
          UUID to = fx.tenantUnder(t);
          return of(
              "POST",
              cs + "/change-tenant",
              Map.of("computerIds", List.of(pc), "targetTenantId", to),
              u ->
                  chk(u)
                      .view(COMPUTERS_VIEW, c(pc))
                      .step(
                          can(u, TENANTS_VIEW, t(to)) || can(u, COMPUTERS_VIEW, t(to)),
                          Outcome.HIDE)
                      .need(COMPUTERS_CHANGE_TENANT, c(pc))
                      .need(COMPUTERS_CHANGE_TENANT, t(to))
                      .get());
        });

    String ps = "/api/v1/people";
    add("GET " + ps, (t, w) -> of("GET", ps, null, always(Outcome.ALLOW)));
    add(
        "GET " + ps + "/{id}",
        (t, w) ->
            of("GET", ps + "/" + fx.person(t), null, u -> chk(u).view(PEOPLE_VIEW, t(t)).get()));
    add(
        "POST " + ps,
        (t, w) ->
            of(
                "POST",
                ps,
                Map.of("tenantId", t, "givenName", unique("p")),
                u -> chk(u).view(PEOPLE_VIEW, t(t)).need(PEOPLE_MANAGE, t(t)).get()));
    add(
        "PUT " + ps + "/{id}",
        (t, w) ->
            of(
                "PUT",
                ps + "/" + fx.person(t),
                Map.of("givenName", unique("p"), "version", 0),
                u -> chk(u).view(PEOPLE_VIEW, t(t)).need(PEOPLE_MANAGE, t(t)).get()));
    add(
        "DELETE " + ps + "/{id}",
        (t, w) ->
            of(
                "DELETE",
                ps + "/" + fx.person(t),
                null,
                u -> chk(u).view(PEOPLE_VIEW, t(t)).need(PEOPLE_DELETE, t(t)).get()));
    for (String m : List.of("PUT", "DELETE")) {
      add(
          m + " " + ps + "/{id}/tags/{tagId}",
          (t, w) ->
              of(
                  m,
                  ps + "/" + fx.person(t) + "/tags/" + fx.tag(),
                  null,
                  u -> chk(u).view(PEOPLE_VIEW, t(t)).need(TAGS_ASSIGN, t(t)).get()));
    }
  }

  // ---- identity
  // ------------------------------------------------------------------------------------------------

  private void identity() {
    add("GET /api/v1/auth/me", (t, w) -> of("GET", "/api/v1/auth/me", null, always(Outcome.ALLOW)));
    // an identity that already has a user cannot ask for access (409); one without a user asks
    // (201)
    add(
        "POST /api/v1/auth/request-access",
        (t, w) ->
            of(
                "POST",
                "/api/v1/auth/request-access",
                Map.of("message", "matrix"),
                u -> w.kind() == Kind.NO_USER ? Outcome.ALLOW : Outcome.REFUSED));
    add(
        "GET /api/v1/access-requests",
        (t, w) ->
            of(
                "GET",
                "/api/v1/access-requests",
                null,
                u -> chk(u).anywhere(ACCESS_REQUESTS_VIEW).get()));
    add(
        "GET /api/v1/access-requests/count",
        (t, w) ->
            of(
                "GET",
                "/api/v1/access-requests/count",
                null,
                u -> chk(u).anywhere(ACCESS_REQUESTS_VIEW).get()));
    add(
        "POST /api/v1/access-requests/{id}/approve",
        (t, w) ->
            of(
                "POST",
                "/api/v1/access-requests/" + fx.accessRequest(t) + "/approve",
                Map.of(
                    "tenantId",
                    t,
                    "roleId",
                    BuiltInRoles.USER_LEGACY.id(),
                    "scope",
                    tenantScope(t),
                    "expiry",
                    "ONE_DAY"),
                u ->
                    chk(u)
                        .anywhere(ACCESS_REQUESTS_MANAGE)
                        .view(ACCESS_REQUESTS_VIEW, t(t))
                        .need(ACCESS_REQUESTS_MANAGE, t(t))
                        .view(USERS_VIEW, t(t))
                        .need(USERS_MANAGE, t(t))
                        .step(
                            canAssign(
                                u,
                                UUID.randomUUID(),
                                BuiltInRoles.USER_LEGACY.id(),
                                Scope.tenant(t, false)),
                            Outcome.FORBID)
                        .get()));
    add(
        "POST /api/v1/access-requests/{id}/deny",
        (t, w) ->
            of(
                "POST",
                "/api/v1/access-requests/" + fx.accessRequest(t) + "/deny",
                Map.of("reason", "matrix"),
                u ->
                    chk(u)
                        .anywhere(ACCESS_REQUESTS_MANAGE)
                        .view(ACCESS_REQUESTS_VIEW, t(t))
                        .need(ACCESS_REQUESTS_MANAGE, t(t))
                        .get()));
    add(
        "POST /api/v1/users/{id}/impersonate",
        (t, w) -> {
          UUID target = fx.user(t);
          Case c =
              of(
                  "POST",
                  "/api/v1/users/" + target + "/impersonate",
                  Map.of("reason", "matrix"),
                  // an impersonating session cannot start another one (409) before anything else is
                  // asked
                  u ->
                      w.kind() == Kind.IMPERSONATING
                          ? Outcome.REFUSED
                          : chk(u).view(USERS_VIEW, t(t)).need(USERS_IMPERSONATE, SYS).get());
          return new Case(
              c.call(),
              c.expect(),
              () -> w.http().get().post("/api/v1/users/stop-impersonating", null));
        });
    add(
        "POST /api/v1/users/stop-impersonating",
        (t, w) ->
            new Case(
                new Call("POST", "/api/v1/users/stop-impersonating", null),
                u -> w.kind() == Kind.IMPERSONATING ? Outcome.ALLOW : Outcome.REFUSED,
                w.kind() == Kind.IMPERSONATING ? restartImpersonation : NOTHING));
    add(
        "GET /api/v1/users/impersonation",
        (t, w) -> of("GET", "/api/v1/users/impersonation", null, always(Outcome.ALLOW)));

    String us = "/api/v1/users";
    add("GET " + us, (t, w) -> of("GET", us, null, always(Outcome.ALLOW)));
    add(
        "GET " + us + "/{id}",
        (t, w) -> of("GET", us + "/" + fx.user(t), null, u -> chk(u).view(USERS_VIEW, t(t)).get()));
    add(
        "POST " + us,
        (t, w) ->
            of(
                "POST",
                us,
                Map.of("personId", fx.person(t)),
                u -> chk(u).view(USERS_VIEW, t(t)).need(USERS_MANAGE, t(t)).get()));
    add(
        "POST " + us + "/manual",
        (t, w) ->
            of(
                "POST",
                us + "/manual",
                Map.of(
                    "tenantId",
                    t,
                    "givenName",
                    "Man",
                    "familyName",
                    "Ual",
                    "email",
                    "manual@example.com",
                    "azureObjectId",
                    UUID.randomUUID().toString()),
                u -> chk(u).view(USERS_VIEW, t(t)).need(USERS_MANAGE, t(t)).get()));
    add(
        "POST " + us + "/integrations",
        (t, w) ->
            of(
                "POST",
                us + "/integrations",
                Map.of("tenantId", t, "name", unique("int"), "appId", UUID.randomUUID().toString()),
                u ->
                    chk(u)
                        .view(USERS_VIEW, t(t))
                        .need(USERS_MANAGE, t(t))
                        .need(USERS_MANAGE_INTEGRATION, t(t))
                        .get()));
    add(
        "PATCH " + us + "/{id}",
        (t, w) ->
            of(
                "PATCH",
                us + "/" + fx.user(t),
                Map.of("enabled", false, "version", 0),
                u -> chk(u).view(USERS_VIEW, t(t)).need(USERS_MANAGE, t(t)).get()));
    add(
        "DELETE " + us + "/{id}",
        (t, w) ->
            of(
                "DELETE",
                us + "/" + fx.user(t),
                null,
                u -> chk(u).view(USERS_VIEW, t(t)).need(USERS_DELETE, t(t)).get()));
  }

  // ---- authz
  // ---------------------------------------------------------------------------------------------------

  private void authz() {
    add(
        "POST /api/v1/access/check",
        (t, w) ->
            of(
                "POST",
                "/api/v1/access/check",
                Map.of(
                    "userId",
                    fx.user(t),
                    "permission",
                    "computers:view",
                    "target",
                    Map.of("type", "TENANT", "id", t)),
                u -> chk(u).view(USERS_VIEW, t(t)).view(TENANTS_VIEW, t(t)).get()));
    add(
        "GET /api/v1/users/{id}/effective-permissions",
        (t, w) ->
            of(
                "GET",
                "/api/v1/users/" + fx.user(t) + "/effective-permissions",
                null,
                u -> chk(u).view(USERS_VIEW, t(t)).get()));
    add(
        "GET /api/v1/me/effective-permissions",
        (t, w) -> of("GET", "/api/v1/me/effective-permissions", null, always(Outcome.ALLOW)));
    add(
        "GET /api/v1/me/assignments",
        (t, w) -> of("GET", "/api/v1/me/assignments", null, always(Outcome.ALLOW)));
    add(
        "GET /api/v1/permissions",
        (t, w) -> of("GET", "/api/v1/permissions", null, always(Outcome.ALLOW)));

    String ra = "/api/v1/role-assignments";
    add("GET " + ra, (t, w) -> of("GET", ra, null, always(Outcome.ALLOW)));
    add(
        "POST " + ra,
        (t, w) -> {
          UUID user = fx.user(t);
          UUID role = BuiltInRoles.USER_LEGACY.id();
          return of(
              "POST",
              ra,
              Map.of(
                  "principal",
                  Map.of("type", "USER", "id", user),
                  "roleId",
                  role,
                  "scope",
                  tenantScope(t),
                  "effect",
                  "ALLOW"),
              u ->
                  chk(u)
                      .view(USERS_VIEW, t(t))
                      .step(canAssign(u, user, role, Scope.tenant(t, false)), Outcome.FORBID)
                      .get());
        });
    add(
        "GET " + ra + "/{id}",
        (t, w) ->
            of(
                "GET",
                ra + "/" + fx.assignment(t),
                null,
                u -> chk(u).view(ROLE_ASSIGNMENTS_VIEW, t(t)).get()));
    add(
        "DELETE " + ra + "/{id}",
        (t, w) -> {
          UUID a = fx.assignment(t);
          return of(
              "DELETE",
              ra + "/" + a,
              null,
              u ->
                  chk(u)
                      .view(ROLE_ASSIGNMENTS_VIEW, t(t))
                      .step(
                          anti.canRemoveAssignment(az.snapshot(), u, a, az.now()).allowed(),
                          Outcome.FORBID)
                      .get());
        });

    String gs = "/api/v1/groups";
    add("GET " + gs, (t, w) -> of("GET", gs, null, always(Outcome.ALLOW)));
    // creating in a tenant: 404 when the caller cannot see groups there (as people, computers,
    // users), else 403
    add(
        "POST " + gs,
        (t, w) ->
            of(
                "POST",
                gs,
                Map.of("name", unique("g"), "ownerTenantId", t),
                u -> chk(u).view(GROUPS_VIEW, t(t)).need(GROUPS_MANAGE, t(t)).get()));
    add(
        "GET " + gs + "/{id}",
        (t, w) ->
            of("GET", gs + "/" + fx.group(t), null, u -> chk(u).view(GROUPS_VIEW, t(t)).get()));
    add(
        "PUT " + gs + "/{id}",
        (t, w) ->
            of(
                "PUT",
                gs + "/" + fx.group(t),
                Map.of("name", unique("g")),
                u -> chk(u).view(GROUPS_VIEW, t(t)).need(GROUPS_MANAGE, t(t)).get()));
    add(
        "DELETE " + gs + "/{id}",
        (t, w) ->
            of(
                "DELETE",
                gs + "/" + fx.group(t),
                null,
                u -> chk(u).view(GROUPS_VIEW, t(t)).need(GROUPS_MANAGE, t(t)).get()));
    add(
        "GET " + gs + "/{id}/members/{userId}",
        (t, w) -> {
          UUID g = fx.group(t);
          UUID m = fx.user(t);
          fx.addMember(g, m);
          return of(
              "GET",
              gs + "/" + g + "/members/" + m,
              null,
              u -> chk(u).view(GROUPS_VIEW, t(t)).get());
        });
    add(
        "PUT " + gs + "/{id}/members/{userId}",
        (t, w) -> {
          UUID g = fx.group(t);
          UUID m = fx.user(t);
          return of(
              "PUT",
              gs + "/" + g + "/members/" + m,
              null,
              u ->
                  chk(u)
                      .view(GROUPS_VIEW, t(t))
                      .need(GROUPS_MANAGE, t(t))
                      .view(USERS_VIEW, t(t))
                      .step(
                          anti.canAddMember(az.snapshot(), u, g, m, az.now()).allowed(),
                          Outcome.FORBID)
                      .get());
        });
    add(
        "DELETE " + gs + "/{id}/members/{userId}",
        (t, w) -> {
          UUID g = fx.group(t);
          UUID m = fx.user(t);
          fx.addMember(g, m);
          return of(
              "DELETE",
              gs + "/" + g + "/members/" + m,
              null,
              u -> chk(u).view(GROUPS_VIEW, t(t)).need(GROUPS_MANAGE, t(t)).get());
        });

    add(
        "POST /api/v1/admin/legacy-import",
        (t, w) -> {
          UUID user = fx.user(t);
          return of(
              "POST",
              "/api/v1/admin/legacy-import",
              Map.of("users", List.of(Map.of("userId", user, "legacyType", "TENANT_NON_ADMIN"))),
              u ->
                  chk(u)
                      .need(USERS_MANAGE, SYS)
                      .step(
                          canAssign(u, user, BuiltInRoles.USER_LEGACY.id(), Scope.usersTenant()),
                          Outcome.FORBID)
                      .get());
        });

    String rs = "/api/v1/roles";
    String template =
        RoleTemplates.ALL.getFirst().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    add("GET " + rs, (t, w) -> of("GET", rs, null, always(Outcome.ALLOW)));
    add(
        "GET " + rs + "/templates",
        (t, w) -> of("GET", rs + "/templates", null, always(Outcome.ALLOW)));
    add(
        "POST " + rs,
        (t, w) ->
            of(
                "POST",
                rs,
                Map.of(
                    "name",
                    unique("r"),
                    "ownerTenantId",
                    t,
                    "permissions",
                    List.of("computers:view")),
                u -> chk(u).view(ROLES_VIEW, t(t)).need(ROLES_MANAGE, t(t)).get()));
    add(
        "POST " + rs + "/templates/{key}/clone",
        (t, w) ->
            of(
                "POST",
                rs + "/templates/" + template + "/clone",
                Map.of("name", unique("r"), "ownerTenantId", t),
                u -> chk(u).view(ROLES_VIEW, t(t)).need(ROLES_MANAGE, t(t)).get()));
    add(
        "GET " + rs + "/{id}",
        (t, w) -> of("GET", rs + "/" + fx.role(t), null, u -> chk(u).view(ROLES_VIEW, t(t)).get()));
    add(
        "PUT " + rs + "/{id}",
        (t, w) ->
            of(
                "PUT",
                rs + "/" + fx.role(t),
                Map.of("name", unique("r"), "permissions", List.of("computers:view"), "version", 0),
                u -> chk(u).view(ROLES_VIEW, t(t)).need(ROLES_MANAGE, t(t)).get()));
    add(
        "DELETE " + rs + "/{id}",
        (t, w) ->
            of(
                "DELETE",
                rs + "/" + fx.role(t),
                null,
                u -> chk(u).view(ROLES_VIEW, t(t)).need(ROLES_MANAGE, t(t)).get()));
    add(
        "POST " + rs + "/{id}/clone",
        (t, w) ->
            of(
                "POST",
                rs + "/" + fx.role(t) + "/clone",
                Map.of("name", unique("r"), "ownerTenantId", t),
                u -> chk(u).view(ROLES_VIEW, t(t)).need(ROLES_MANAGE, t(t)).get()));

    add(
        "GET /api/v1/audit-events",
        (t, w) -> of("GET", "/api/v1/audit-events", null, always(Outcome.ALLOW)));
    add(
        "GET /api/v1/audit-events/verify",
        (t, w) ->
            of(
                "GET",
                "/api/v1/audit-events/verify",
                null,
                u -> chk(u).need(AUDIT_VERIFY, SYS).get()));
  }
}
