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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The library's routes in the authorization matrix (issue 11): objects owned by the target tenant,
 * written with SQL, and the engine's answer for what each route's {@code @Requires} declares. The
 * terminal preference is on (its default), so it does not gate here; its tests are in {@code
 * dev.tenantry.library}.
 */
final class LibraryRecipes {
  private final MatrixRecipes m;
  private final MatrixFixtures fx;

  LibraryRecipes(MatrixRecipes m, MatrixFixtures fx) {
    this.m = m;
    this.fx = fx;
    kind(
        "/api/v1/scripts",
        SCRIPTS_VIEW,
        SCRIPTS_MANAGE,
        SCRIPTS_DELETE,
        this::script,
        this::scriptBody);
    kind(
        "/api/v1/software",
        SOFTWARE_VIEW,
        SOFTWARE_MANAGE,
        SOFTWARE_DELETE,
        this::software,
        t -> Map.of("name", unique("sw"), "ownerTenantId", t, "version", 0));
    kind(
        "/api/v1/media",
        MEDIA_VIEW,
        MEDIA_MANAGE,
        MEDIA_DELETE,
        this::media,
        t -> Map.of("name", unique("md"), "ownerTenantId", t, "version", 0));
    kind(
        "/api/v1/maintenance-tasks",
        TASKS_VIEW,
        TASKS_MANAGE,
        TASKS_DELETE,
        this::task,
        this::taskBody);
    kind(
        "/api/v1/licenses",
        LICENSES_VIEW,
        LICENSES_MANAGE,
        LICENSES_DELETE,
        this::license,
        this::licenseBody);
    scripts();
    software();
    media();
    tasksAndLicenses();
    runs();
    executor();
    new LibraryAdoptRecipes(m, fx, this);
  }

  private static Target owned(UUID tenant) {
    return Target.ownedObject(tenant);
  }

  interface Make {
    UUID in(UUID tenant);
  }

  interface Body {
    Map<String, Object> in(UUID tenant);
  }

  /** List, get, create, update and delete of one kind owned by the target tenant. */
  private void kind(
      String base, Permission view, Permission manage, Permission delete, Make make, Body body) {
    m.add("GET " + base, (t, w) -> of("GET", base, null, always(Outcome.ALLOW)));
    m.add(
        "GET " + base + "/{id}",
        (t, w) -> {
          UUID id = make.in(t);
          return of("GET", base + "/" + id, null, u -> m.chk(u).view(view, owned(t)).get());
        });
    m.add(
        "POST " + base,
        (t, w) ->
            of(
                "POST",
                base,
                body.in(t),
                u ->
                    m.chk(u)
                        .step(
                            m.can(u, TENANTS_VIEW, t(t)) || m.can(u, view, owned(t)), Outcome.HIDE)
                        .need(manage, owned(t))
                        .get()));
    m.add(
        "PUT " + base + "/{id}",
        (t, w) -> {
          UUID id = make.in(t);
          return of(
              "PUT",
              base + "/" + id,
              body.in(t),
              u ->
                  m.chk(u)
                      .view(view, owned(t))
                      // a change-requester's script edit becomes a change request (202)
                      .step(
                          m.can(u, manage, owned(t))
                              || manage == SCRIPTS_MANAGE
                                  && m.can(u, CHANGE_REQUESTS_CREATE, owned(t)),
                          Outcome.FORBID)
                      .get());
        });
    m.add(
        "DELETE " + base + "/{id}",
        (t, w) -> {
          UUID id = make.in(t);
          return of(
              "DELETE",
              base + "/" + id,
              null,
              u -> m.chk(u).view(view, owned(t)).need(delete, owned(t)).get());
        });
  }

  private void scripts() {
    String s = "/api/v1/scripts/";
    m.add(
        "GET /api/v1/scripts/{id}/versions",
        (t, w) ->
            of(
                "GET",
                s + script(t) + "/versions",
                null,
                u -> m.chk(u).view(SCRIPTS_VIEW, owned(t)).get()));
    m.add(
        "GET /api/v1/scripts/{id}/versions/{number}",
        (t, w) ->
            of(
                "GET",
                s + script(t) + "/versions/1",
                null,
                u -> m.chk(u).view(SCRIPTS_VIEW, owned(t)).get()));
    m.add(
        "GET /api/v1/scripts/{id}/diff",
        (t, w) ->
            of(
                "GET",
                s + script(t) + "/diff?from=1&to=1",
                null,
                u -> m.chk(u).view(SCRIPTS_VIEW, owned(t)).get()));
    m.add(
        "GET /api/v1/scripts/{id}/versions/{number}/secrets",
        (t, w) ->
            of(
                "GET",
                s + script(t) + "/versions/1/secrets",
                null,
                u -> m.chk(u).view(SCRIPTS_VIEW, owned(t)).need(SCRIPTS_MANAGE, owned(t)).get()));
  }

  private void software() {
    String s = "/api/v1/software/";
    m.add(
        "GET /api/v1/software/{id}/versions",
        (t, w) ->
            of(
                "GET",
                s + software(t) + "/versions",
                null,
                u -> m.chk(u).view(SOFTWARE_VIEW, owned(t)).get()));
    m.add(
        "POST /api/v1/software/{id}/versions",
        (t, w) ->
            of(
                "POST",
                s + software(t) + "/versions",
                Map.of("version", "1.2.3"),
                u -> m.chk(u).view(SOFTWARE_VIEW, owned(t)).need(SOFTWARE_MANAGE, owned(t)).get()));
    m.add(
        "PUT /api/v1/software/{id}/versions/{versionId}/installer",
        (t, w) -> {
          UUID sw = software(t);
          return of(
              "PUT",
              s + sw + "/versions/" + softwareVersion(sw) + "/installer",
              Map.of("bytes", "x"),
              u -> m.chk(u).view(SOFTWARE_VIEW, owned(t)).need(SOFTWARE_MANAGE, owned(t)).get());
        });
    m.add(
        "GET /api/v1/software/{id}/versions/{versionId}/installer",
        (t, w) -> {
          UUID sw = software(t);
          return of(
              "GET",
              s + sw + "/versions/" + softwareVersion(sw) + "/installer",
              null,
              u -> m.chk(u).view(SOFTWARE_VIEW, owned(t)).get());
        });
  }

  private void media() {
    m.add(
        "PUT /api/v1/media/{id}/content",
        (t, w) ->
            of(
                "PUT",
                "/api/v1/media/" + media(t) + "/content",
                Map.of("bytes", "x"),
                u -> m.chk(u).view(MEDIA_VIEW, owned(t)).need(MEDIA_MANAGE, owned(t)).get()));
    m.add(
        "GET /api/v1/media/{id}/content",
        (t, w) ->
            of(
                "GET",
                "/api/v1/media/" + media(t) + "/content",
                null,
                u -> m.chk(u).view(MEDIA_VIEW, owned(t)).get()));
  }

  private void tasksAndLicenses() {
    m.add(
        "GET /api/v1/maintenance-tasks/{id}/versions",
        (t, w) ->
            of(
                "GET",
                "/api/v1/maintenance-tasks/" + task(t) + "/versions",
                null,
                u -> m.chk(u).view(TASKS_VIEW, owned(t)).get()));
    m.add(
        "GET /api/v1/licenses/{id}/secret",
        (t, w) ->
            of(
                "GET",
                "/api/v1/licenses/" + license(t) + "/secret",
                null,
                u -> m.chk(u).view(LICENSES_VIEW, owned(t)).need(LICENSES_MANAGE, owned(t)).get()));
  }

  private void runs() {
    String r = "/api/v1/script-runs";
    m.add("GET " + r, (t, w) -> of("GET", r, null, always(Outcome.ALLOW)));
    m.add(
        "POST " + r,
        (t, w) -> {
          UUID pc = fx.computer(t);
          UUID script = script(t);
          return of(
              "POST",
              r,
              Map.of("computerId", pc, "scriptId", script),
              u ->
                  m.chk(u)
                      .view(COMPUTERS_VIEW, c(pc))
                      .view(SCRIPTS_VIEW, owned(t))
                      .need(SCRIPTS_RUN, c(pc))
                      .get());
        });
    for (String tail : List.of("", "/output")) {
      m.add(
          "GET " + r + "/{id}" + tail,
          (t, w) -> {
            UUID pc = fx.computer(t);
            UUID run = run(pc, script(t));
            return of(
                "GET",
                r + "/" + run + tail,
                null,
                u -> m.chk(u).view(COMPUTERS_VIEW, c(pc)).view(TERMINAL_VIEW_HISTORY, c(pc)).get());
          });
    }
    m.add(
        "POST " + r + "/{id}/cancel",
        (t, w) -> {
          UUID pc = fx.computer(t);
          UUID run = run(pc, script(t));
          return of(
              "POST",
              r + "/" + run + "/cancel",
              null,
              u ->
                  m.chk(u)
                      .view(COMPUTERS_VIEW, c(pc))
                      .view(TERMINAL_VIEW_HISTORY, c(pc))
                      .need(SCRIPTS_RUN, c(pc))
                      .get());
        });
  }

  private void executor() {
    m.add(
        "POST /api/v1/executor/claims",
        (t, w) ->
            of(
                "POST",
                "/api/v1/executor/claims",
                Map.of("max", 1),
                u -> m.chk(u).anywhere(SCRIPTS_EXECUTE).get()));
    for (String action : List.of("heartbeat", "output", "result")) {
      m.add(
          "POST /api/v1/executor/runs/{id}/" + action,
          (t, w) -> {
            UUID pc = fx.computer(t);
            UUID run = run(pc, script(t));
            Object body =
                switch (action) {
                  case "output" -> Map.of("lines", List.of(Map.of("text", "x")));
                  case "result" -> Map.of("exitCode", 0);
                  default -> null;
                };
            // the run is PENDING: nobody holds its lease, so whoever may see it is refused with 409
            return of(
                "POST",
                "/api/v1/executor/runs/" + run + "/" + action,
                body,
                u -> m.chk(u).view(SCRIPTS_EXECUTE, c(pc)).step(false, Outcome.REFUSED).get());
          });
    }
  }

  // ---- fixtures (SQL, committed) ----------------------------------------------------------------

  private Map<String, Object> scriptBody(UUID t) {
    return Map.of(
        "name",
        unique("sc"),
        "language",
        "POWERSHELL",
        "body",
        "echo 1",
        "ownerTenantId",
        t,
        "version",
        0);
  }

  private Map<String, Object> taskBody(UUID t) {
    return Map.of("name", unique("tk"), "setScriptId", script(t), "ownerTenantId", t, "version", 0);
  }

  private Map<String, Object> licenseBody(UUID t) {
    return Map.of(
        "name",
        unique("li"),
        "softwareId",
        software(t),
        "key",
        "K",
        "ownerTenantId",
        t,
        "version",
        0);
  }

  UUID script(UUID tenant) {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () -> {
          fx.jdbc
              .sql(
                  "insert into script (id, owner_tenant_id, name, language) values (?, ?, ?, 'POWERSHELL')")
              .params(id, tenant, unique("sc"))
              .update();
          fx.jdbc
              .sql(
                  "insert into script_version (id, script_id, number, language, body) values (?, ?, 1, 'POWERSHELL', 'echo 1')")
              .params(UUID.randomUUID(), id)
              .update();
        });
    return id;
  }

  UUID software(UUID tenant) {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql("insert into software (id, owner_tenant_id, name) values (?, ?, ?)")
                .params(id, tenant, unique("sw"))
                .update());
    return id;
  }

  /** A version with a one-chunk installer. */
  UUID softwareVersion(UUID software) {
    UUID id = UUID.randomUUID();
    UUID blob = blob();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into software_version (id, software_id, version, sort_key, installer_blob_id, installer_file_name)"
                        + " values (?, ?, '1.0', '#000000000000000001.#000000000000000000.\"', ?, 'setup.exe')")
                .params(id, software, blob)
                .update());
    return id;
  }

  UUID media(UUID tenant) {
    UUID id = UUID.randomUUID();
    UUID blob = blob();
    fx.users.write(
        () ->
            fx.jdbc
                .sql("insert into media (id, owner_tenant_id, name, blob_id) values (?, ?, ?, ?)")
                .params(id, tenant, unique("md"), blob)
                .update());
    return id;
  }

  private UUID blob() {
    UUID id = UUID.randomUUID();
    byte[] data = id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    fx.users.write(
        () -> {
          try {
            fx.jdbc
                .sql(
                    "insert into file_blob (id, sha256, size, chunk_size, complete) values (?, ?, ?, 65536, true)")
                .params(
                    id,
                    java.security.MessageDigest.getInstance("SHA-256").digest(data),
                    data.length)
                .update();
          } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
          fx.jdbc
              .sql("insert into file_chunk (blob_id, seq, data) values (?, 0, ?)")
              .params(id, data)
              .update();
        });
    return id;
  }

  UUID task(UUID tenant) {
    UUID script = script(tenant);
    UUID id = UUID.randomUUID();
    fx.users.write(
        () -> {
          fx.jdbc
              .sql("insert into maintenance_task (id, owner_tenant_id, name) values (?, ?, ?)")
              .params(id, tenant, unique("tk"))
              .update();
          fx.jdbc
              .sql(
                  "insert into maintenance_task_version (id, task_id, number, set_script_version_id)"
                      + " select ?, ?, 1, v.id from script_version v where v.script_id = ?")
              .params(UUID.randomUUID(), id, script)
              .update();
        });
    return id;
  }

  UUID license(UUID tenant) {
    UUID software = software(tenant);
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into license (id, owner_tenant_id, software_id, name) values (?, ?, ?, ?)")
                .params(id, tenant, software, unique("li"))
                .update());
    return id;
  }

  /** A pending run requested by nobody in particular. */
  UUID run(UUID computer, UUID script) {
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc
                .sql(
                    "insert into script_run (id, computer_id, script_id, script_version_id)"
                        + " select ?, ?, ?, v.id from script_version v where v.script_id = ?")
                .params(id, computer, script, script)
                .update());
    return id;
  }
}
