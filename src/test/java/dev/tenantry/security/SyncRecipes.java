package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixFixtures.unique;

import dev.tenantry.authz.Target;
import dev.tenantry.security.MatrixRecipes.Call;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Expect;
import dev.tenantry.security.MatrixRecipes.Outcome;
import dev.tenantry.security.MatrixRecipes.Recipe;
import dev.tenantry.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Matrix recipes of the directory sync and tenant import routes (issue 13). */
final class SyncRecipes {
  private static final Target SYS = Target.system();
  private final MatrixRecipes m;
  private final MatrixFixtures fx;

  SyncRecipes(MatrixRecipes m, MatrixFixtures fx) {
    this.m = m;
    this.fx = fx;
  }

  void register() {
    String sync = "/api/v1/tenants/{id}/directory-sync";
    add("GET " + sync, (t, w) -> of("GET", path(sync, t), null, u -> viewAzure(u, t).get()));
    add(
        "POST " + sync,
        (t, w) -> {
          UUID f = linkedUnder(t);
          return of("POST", path(sync, f), null, u -> viewAzure(u, f).need(AZURE_SYNC, SYS).get());
        });
    add(
        "GET " + sync + "/runs/{runId}",
        (t, w) -> {
          UUID run = run(t);
          return of("GET", path(sync, t) + "/runs/" + run, null, u -> viewAzure(u, t).get());
        });
    add(
        "PUT " + sync + "/domains",
        (t, w) ->
            of(
                "PUT",
                path(sync, t) + "/domains",
                Map.of("limitToDomains", List.of(unique("d") + ".example")),
                u -> viewAzure(u, t).need(AZURE_LINK_TENANT, Target.tenant(t)).get()));
    add(
        "GET /api/v1/tenant-imports/gdap",
        (t, w) ->
            of(
                "GET",
                "/api/v1/tenant-imports/gdap",
                null,
                u -> m.new Chk(u).anywhere(TENANTS_CREATE).anywhere(AZURE_LINK_TENANT).get()));
    add(
        "POST /api/v1/tenant-imports/gdap",
        (t, w) ->
            of(
                "POST",
                "/api/v1/tenant-imports/gdap",
                Map.of(
                    "tids",
                    List.of(TestGraph.gdapCustomer(TestGraph.nextGdapCustomer())),
                    "parentId",
                    t),
                u ->
                    m.new Chk(u)
                        .view(TENANTS_VIEW, Target.tenant(t))
                        .need(TENANTS_CREATE, Target.tenant(t))
                        .need(AZURE_LINK_TENANT, Target.tenant(t))
                        .get()));
    add(
        "POST /api/v1/tenant-imports/csv",
        (t, w) ->
            of(
                "POST",
                "/api/v1/tenant-imports/csv",
                "name,tid,parent\n" + unique("csv") + "," + UUID.randomUUID() + "," + t + "\n",
                u ->
                    m.new Chk(u)
                        .anywhere(TENANTS_CREATE)
                        .anywhere(AZURE_LINK_TENANT)
                        // a parent the caller may not use is a row error (400), never a 404/403
                        .step(m.can(u, TENANTS_VIEW, Target.tenant(t)), Outcome.REFUSED)
                        .step(
                            m.can(u, TENANTS_CREATE, Target.tenant(t))
                                && m.can(u, AZURE_LINK_TENANT, Target.tenant(t)),
                            Outcome.REFUSED)
                        .get()));
  }

  private MatrixRecipes.Chk viewAzure(UUID u, UUID tenant) {
    return m.new Chk(u)
        .view(TENANTS_VIEW, Target.tenant(tenant))
        .view(AZURE_VIEW, Target.tenant(tenant));
  }

  /** A fresh client tenant under {@code parent}, linked to a fresh Entra tenant id. */
  private UUID linkedUnder(UUID parent) {
    UUID f = fx.tenantUnder(parent);
    fx.jdbc()
        .sql("update tenant set azure_tenant_id = ? where id = ?")
        .params(UUID.randomUUID(), f)
        .update();
    return f;
  }

  /** A finished sync run of the tenant. */
  private UUID run(UUID tenant) {
    UUID id = UUID.randomUUID();
    fx.jdbc()
        .sql(
            "insert into directory_sync_run (id, tenant_id, trigger, status, finished_at)"
                + " values (?, ?, 'MANUAL', 'FAILED', now())")
        .params(id, tenant)
        .update();
    return id;
  }

  private static String path(String template, UUID tenant) {
    return template.replace("{id}", tenant.toString());
  }

  private void add(String route, Recipe r) {
    if (m.all.put(route, r) != null) {
      throw new IllegalStateException("two recipes for " + route);
    }
  }

  private static Case of(String method, String path, @Nullable Object body, Expect e) {
    return new Case(new Call(method, path, body), e, () -> {});
  }
}
