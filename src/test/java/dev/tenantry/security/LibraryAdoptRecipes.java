package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixRecipes.of;

import dev.tenantry.authz.Target;
import java.util.Map;
import java.util.UUID;

/**
 * "Adopt the new version" routes in the authorization matrix: the fixtures pin version 1 of a
 * script that has a version 2, so whoever may manage the owner adopts it.
 */
final class LibraryAdoptRecipes {
  private final MatrixFixtures fx;

  LibraryAdoptRecipes(MatrixRecipes m, MatrixFixtures fx, LibraryRecipes library) {
    this.fx = fx;
    m.add(
        "POST /api/v1/maintenance-tasks/{id}/adopt-latest-scripts",
        (t, w) -> {
          UUID task = library.task(t);
          newScriptVersion(
              "select v.script_id from maintenance_task_version tv"
                  + " join script_version v on v.id = tv.set_script_version_id where tv.task_id = ?",
              task);
          return of(
              "POST",
              "/api/v1/maintenance-tasks/" + task + "/adopt-latest-scripts",
              null,
              u ->
                  m.chk(u)
                      .view(TASKS_VIEW, Target.ownedObject(t))
                      .need(TASKS_MANAGE, Target.ownedObject(t))
                      .get());
        });
    m.add(
        "POST /api/v1/software/{id}/versions/{versionId}/adopt-latest-scripts",
        (t, w) -> {
          UUID software = library.software(t);
          UUID script = library.script(t);
          fx.users.write(
              () ->
                  fx.jdbc
                      .sql("update software set install_script_id = ? where id = ?")
                      .params(script, software)
                      .update());
          UUID version = library.softwareVersion(software);
          return of(
              "POST",
              "/api/v1/software/" + software + "/versions/" + version + "/adopt-latest-scripts",
              Map.of("version", "1.0.1"),
              u ->
                  m.chk(u)
                      .view(SOFTWARE_VIEW, Target.ownedObject(t))
                      .need(SOFTWARE_MANAGE, Target.ownedObject(t))
                      .get());
        });
  }

  /**
   * Adds a newer version to the script that {@code scriptOf} finds for {@code id} (fixtures may
   * share a script: always one past its latest).
   */
  private void newScriptVersion(String scriptOf, UUID id) {
    fx.users.write(
        () -> {
          UUID script = fx.jdbc.sql(scriptOf).param(id).query(UUID.class).single();
          fx.jdbc
              .sql(
                  "insert into script_version (id, script_id, number, language, body)"
                      + " select ?, id, latest_version + 1, 'POWERSHELL', 'echo newer'"
                      + " from script where id = ?")
              .params(UUID.randomUUID(), script)
              .update();
          fx.jdbc
              .sql("update script set latest_version = latest_version + 1 where id = ?")
              .param(script)
              .update();
        });
  }
}
