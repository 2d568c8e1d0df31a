package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixFixtures.unique;
import static dev.tenantry.security.MatrixRecipes.always;
import static dev.tenantry.security.MatrixRecipes.c;
import static dev.tenantry.security.MatrixRecipes.of;
import static dev.tenantry.security.MatrixRecipes.t;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.security.MatrixRecipes.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schedules and maintenance sessions in the authorization matrix (issue 12): rows written with SQL
 * in the target tenant, expectations from the engine for what each route's {@code @Requires}
 * declares. Schedules add seed 003's gates: only MSP users see them, and only admins (the
 * permission at OWNER or at the MSP scope of the tenant's MSP) change them.
 */
final class MaintenanceRecipes {
  private final MatrixRecipes m;
  private final MatrixFixtures fx;

  MaintenanceRecipes(MatrixRecipes m, MatrixFixtures fx) {
    this.m = m;
    this.fx = fx;
    schedules();
    sessions();
    executor();
  }

  private boolean mspUser(UUID u) {
    return fx.jdbc
        .sql(
            "select t.kind = 'MSP' from app_user u join person p on p.id = u.person_id"
                + " join tenant t on t.id = p.tenant_id where u.id = ?")
        .param(u)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private UUID mspOf(UUID tenant) {
    return fx.jdbc
        .sql("select msp_id from tenant where id = ?")
        .param(tenant)
        .query(UUID.class)
        .single();
  }

  private boolean sees(UUID u, UUID tenant) {
    return mspUser(u) && m.can(u, SCHEDULES_VIEW, t(tenant));
  }

  private boolean admin(UUID u, Permission p, UUID tenant) {
    return m.can(u, p, Target.globalObject(mspOf(tenant)));
  }

  private void schedules() {
    String s = "/api/v1/schedules";
    m.add("GET " + s, (t, w) -> of("GET", s, null, always(Outcome.ALLOW)));
    for (String tail : List.of("", "/firings")) {
      m.add(
          "GET " + s + "/{id}" + tail,
          (t, w) ->
              of(
                  "GET",
                  s + "/" + schedule(t) + tail,
                  null,
                  u -> m.chk(u).step(sees(u, t), Outcome.HIDE).get()));
    }
    m.add(
        "POST " + s,
        (t, w) ->
            of(
                "POST",
                s,
                body(t),
                u ->
                    m.chk(u)
                        .step(
                            m.can(u, TENANTS_VIEW, t(t)) || m.can(u, SCHEDULES_VIEW, t(t)),
                            Outcome.HIDE)
                        .step(mspUser(u), Outcome.FORBID)
                        .need(SCHEDULES_MANAGE, t(t))
                        .step(admin(u, SCHEDULES_MANAGE, t), Outcome.FORBID)
                        .get()));
    m.add(
        "PUT " + s + "/{id}",
        (t, w) -> {
          Map<String, Object> b = new HashMap<>(body(t));
          b.put("version", 0);
          return of(
              "PUT",
              s + "/" + schedule(t),
              b,
              u ->
                  m.chk(u)
                      .step(sees(u, t), Outcome.HIDE)
                      .need(SCHEDULES_MANAGE, t(t))
                      .step(admin(u, SCHEDULES_MANAGE, t), Outcome.FORBID)
                      .get());
        });
    m.add(
        "DELETE " + s + "/{id}",
        (t, w) ->
            of(
                "DELETE",
                s + "/" + schedule(t),
                null,
                u ->
                    m.chk(u)
                        .step(sees(u, t), Outcome.HIDE)
                        .need(SCHEDULES_DELETE, t(t))
                        .step(admin(u, SCHEDULES_DELETE, t), Outcome.FORBID)
                        .get()));
    m.add(
        "POST " + s + "/{id}/run",
        (t, w) ->
            of(
                "POST",
                s + "/" + schedule(t) + "/run",
                null,
                u -> m.chk(u).step(sees(u, t), Outcome.HIDE).need(SCHEDULES_RUN, t(t)).get()));
  }

  private void sessions() {
    String r = "/api/v1/maintenance-sessions";
    m.add("GET " + r, (t, w) -> of("GET", r, null, always(Outcome.ALLOW)));
    m.add(
        "POST " + r,
        (t, w) -> {
          UUID pc = fx.computer(t);
          return of(
              "POST",
              r,
              Map.of("computerIds", List.of(pc)),
              u ->
                  m.chk(u)
                      .view(COMPUTERS_VIEW, c(pc))
                      .need(COMPUTERS_RUN_MAINTENANCE, c(pc))
                      .get());
        });
    for (String tail : List.of("", "/log")) {
      m.add(
          "GET " + r + "/{id}" + tail,
          (t, w) -> {
            UUID pc = fx.computer(t);
            return of(
                "GET",
                r + "/" + session(pc) + tail,
                null,
                u ->
                    m.chk(u)
                        .view(COMPUTERS_VIEW, c(pc))
                        .view(MAINTENANCE_SESSIONS_VIEW, c(pc))
                        .get());
          });
    }
    m.add(
        "POST " + r + "/{id}/cancel",
        (t, w) -> {
          UUID pc = fx.computer(t);
          return of(
              "POST",
              r + "/" + session(pc) + "/cancel",
              null,
              u ->
                  m.chk(u)
                      .view(COMPUTERS_VIEW, c(pc))
                      .view(MAINTENANCE_SESSIONS_VIEW, c(pc))
                      .need(MAINTENANCE_SESSIONS_MANAGE, c(pc))
                      .get());
        });
  }

  private void executor() {
    m.add(
        "POST /api/v1/executor/session-claims",
        (t, w) ->
            of(
                "POST",
                "/api/v1/executor/session-claims",
                Map.of("max", 1),
                u -> m.chk(u).anywhere(SCRIPTS_EXECUTE).get()));
    for (String action : List.of("heartbeat", "log", "result")) {
      m.add(
          "POST /api/v1/executor/sessions/{id}/" + action,
          (t, w) -> {
            UUID pc = fx.computer(t);
            Object body =
                switch (action) {
                  case "log" -> Map.of("lines", List.of(Map.of("text", "x")));
                  case "result" -> Map.of("succeeded", true);
                  default -> null;
                };
            // a session that has already ended: nobody holds its lease (409 for who may see it)
            return of(
                "POST",
                "/api/v1/executor/sessions/" + endedSession(pc) + "/" + action,
                body,
                u -> m.chk(u).view(SCRIPTS_EXECUTE, c(pc)).step(false, Outcome.REFUSED).get());
          });
    }
  }

  private Map<String, Object> body(UUID t) {
    return Map.of("tenantId", t, "name", unique("sched"), "cron", "0 3 * * 1-5");
  }

  /** A disabled schedule of the tenant (no task instance: it never fires in the matrix). */
  private UUID schedule(UUID tenant) {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into schedule (id, owner_tenant_id, name, cron, target_kind, enabled)"
                        + " values (?, ?, ?, '0 3 * * *', 'TENANT', false)")
                .params(id, tenant, unique("sched"))
                .update());
    return id;
  }

  private UUID session(UUID computer) {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into maintenance_session (id, computer_id, origin) values (?, ?, 'USER')")
                .params(id, computer)
                .update());
    return id;
  }

  private UUID endedSession(UUID computer) {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into maintenance_session (id, computer_id, origin, status, finished_at)"
                        + " values (?, ?, 'USER', 'CANCELLED', now())")
                .params(id, computer)
                .update());
    return id;
  }
}
