package dev.tenantry.library.internal;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maintenance tasks: a get/set/test script set that keeps a setting. Every save adds a version
 * pinning the exact script versions (the scripts' latest, or the versions named).
 */
@Service
public class TaskService {
  static final String TYPE = "maintenance-task";
  private static final LibraryKind KIND = LibraryKind.TASK;
  private static final String COLUMNS =
      "t.id, t.owner_tenant_id, t.created_by_msp_id, t.visible_to_all_tenants, t.name, t.description,"
          + " t.latest_version, t.created_at, t.updated_at, t.version, v.id as version_id,"
          + " v.get_script_version_id, v.set_script_version_id, v.test_script_version_id, v.parameters::text as parameters";
  private final JdbcClient jdbc;
  private final ScriptService scripts;
  private final LibraryAccess access;
  private final OwnedObjects owned;
  private final Authorizer authorizer;
  private final JsonMapper json;
  private final OwnedObjects.Kind<Task> kind =
      new OwnedObjects.Kind<>(
          KIND, "maintenance_task", TYPE, this::find, Task::ownership, Task::version, t -> t);

  TaskService(
      JdbcClient jdbc,
      ScriptService scripts,
      LibraryAccess access,
      OwnedObjects owned,
      Authorizer authorizer,
      JsonMapper json) {
    this.jdbc = jdbc;
    this.scripts = scripts;
    this.access = access;
    this.owned = owned;
    this.authorizer = authorizer;
    this.json = json;
  }

  public record Task(
      UUID id,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAllTenants,
      String name,
      String description,
      int latestVersion,
      UUID latestVersionId,
      @Nullable UUID getScriptVersionId,
      UUID setScriptVersionId,
      @Nullable UUID testScriptVersionId,
      List<ScriptParameter> parameters,
      Instant createdAt,
      Instant updatedAt,
      long version,
      @com.fasterxml.jackson.annotation.JsonIgnore @Nullable UUID createdByMspId) {
    Ownership ownership() {
      return new Ownership(ownerTenantId, createdByMspId, visibleToAllTenants);
    }
  }

  /** Scripts by id (their latest version is pinned) or exact script versions by id. */
  public record Save(
      String name,
      String description,
      @Nullable UUID getScriptId,
      @Nullable UUID setScriptId,
      @Nullable UUID testScriptId,
      List<ScriptParameter> parameters,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAllTenants) {}

  public record VersionSummary(
      UUID id,
      int number,
      @Nullable UUID getScriptVersionId,
      UUID setScriptVersionId,
      @Nullable UUID testScriptVersionId,
      Instant createdAt) {}

  @Transactional(readOnly = true)
  public Page<Task> list(
      @Nullable String q,
      @Nullable UUID ownerTenantId,
      @Nullable String owner,
      String sort,
      int page,
      int size) {
    return new ListSql("t", access.listFilter(KIND, "t"))
        .and("t.deleted_at is null")
        .common(q, ownerTenantId, owner)
        .page(
            jdbc,
            "select " + COLUMNS + FROM,
            "from maintenance_task t",
            sort,
            page,
            size,
            this::row);
  }

  private static final String FROM =
      " from maintenance_task t join maintenance_task_version v on v.task_id = t.id and v.number = t.latest_version";

  @Transactional(readOnly = true)
  public Task get(UUID id) {
    return owned.visible(kind, id, false);
  }

  @Transactional
  public Task create(Save s) {
    Ownership own = owned.forCreate(kind, s.ownerTenantId(), s.global(), s.visibleToAllTenants());
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into maintenance_task (id, owner_tenant_id, created_by_msp_id, visible_to_all_tenants, name,"
                + " description, created_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            own.ownerTenantId(),
            own.createdByMspId(),
            own.visibleToAllTenants(),
            s.name(),
            s.description(),
            authorizer.requireUser())
        .update();
    addVersion(id, 1, s);
    Task created = find(id, false).orElseThrow();
    owned.created(kind, id, own, created);
    return created;
  }

  @Transactional
  public Task update(UUID id, long expectedVersion, Save s) {
    Task before = owned.visible(kind, id, true);
    Ownership own =
        owned.forUpdate(
            kind,
            id,
            before,
            expectedVersion,
            s.ownerTenantId(),
            s.global(),
            s.visibleToAllTenants());
    int number = before.latestVersion() + 1;
    addVersion(id, number, s);
    jdbc.sql(
            "update maintenance_task set owner_tenant_id = ?, created_by_msp_id = ?, visible_to_all_tenants = ?, name = ?,"
                + " description = ?, latest_version = ?, updated_at = now(), version = version + 1 where id = ?")
        .params(
            own.ownerTenantId(),
            own.createdByMspId(),
            own.visibleToAllTenants(),
            s.name(),
            s.description(),
            number,
            id)
        .update();
    Task after = find(id, false).orElseThrow();
    owned.changed(
        kind, "updated", id, after.ownerTenantId(), before.ownerTenantId(), before, after);
    return after;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    Task t = owned.forDelete(kind, id, expectedVersion);
    jdbc.sql("update maintenance_task set deleted_at = now(), version = version + 1 where id = ?")
        .param(id)
        .update();
    owned.deleted(kind, id, t.ownerTenantId(), t);
  }

  @Transactional(readOnly = true)
  public List<VersionSummary> versions(UUID id) {
    owned.visible(kind, id, false);
    return jdbc.sql(
            "select id, number, get_script_version_id, set_script_version_id, test_script_version_id, created_at"
                + " from maintenance_task_version where task_id = ? order by number desc")
        .param(id)
        .query( // by hand: DataClassRowMapper's getObject(i, Instant.class) throws in pgjdbc
            (rs, i) ->
                new VersionSummary(
                    rs.getObject("id", UUID.class),
                    rs.getInt("number"),
                    rs.getObject("get_script_version_id", UUID.class),
                    rs.getObject("set_script_version_id", UUID.class),
                    rs.getObject("test_script_version_id", UUID.class),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** A pinned script of a task version, as the editor shows it. */
  public record Pin(
      String role,
      UUID scriptId,
      String scriptName,
      int number,
      int latestNumber,
      boolean visible) {
    public boolean behind() {
      return visible && number < latestNumber;
    }
  }

  /** The scripts a task's latest version pins (get, set, test), with their newest version. */
  @Transactional(readOnly = true)
  public List<Pin> pins(UUID id) {
    Task t = owned.visible(kind, id, false);
    List<Pin> out = new java.util.ArrayList<>();
    pinOf("get", t.getScriptVersionId()).ifPresent(out::add);
    pinOf("set", t.setScriptVersionId()).ifPresent(out::add);
    pinOf("test", t.testScriptVersionId()).ifPresent(out::add);
    return out;
  }

  @Transactional(readOnly = true)
  public boolean canManage(UUID id) {
    return owned.canManage(kind, id);
  }

  /**
   * "Adopt the new version": a new task version that pins the latest version of each script the
   * current version pins (same parameters). Existing versions never change; when every pin is
   * already the latest nothing is written (no version, no audit event) and the task is answered as
   * it is.
   */
  @Transactional
  public Task adoptLatestScripts(UUID id, @Nullable Long expectedVersion) {
    Task before = owned.forManage(kind, id, expectedVersion);
    UUID get = adopted(before.getScriptVersionId());
    UUID set = adopted(before.setScriptVersionId());
    UUID test = adopted(before.testScriptVersionId());
    if (java.util.Objects.equals(get, before.getScriptVersionId())
        && set.equals(before.setScriptVersionId())
        && java.util.Objects.equals(test, before.testScriptVersionId())) {
      return before;
    }
    int number = before.latestVersion() + 1;
    insertVersion(id, number, get, set, test, json.writeValueAsString(before.parameters()));
    jdbc.sql(
            "update maintenance_task set latest_version = ?, updated_at = now(), version = version + 1"
                + " where id = ?")
        .params(number, id)
        .update();
    Task after = find(id, false).orElseThrow();
    owned.changed(kind, "scripts-adopted", id, before.ownerTenantId(), null, before, after);
    return after;
  }

  private @Nullable UUID adopted(@Nullable UUID scriptVersionId) {
    if (scriptVersionId == null) {
      return null;
    }
    UUID scriptId =
        jdbc.sql("select script_id from script_version where id = ?")
            .param(scriptVersionId)
            .query(UUID.class)
            .single();
    try {
      return scripts.latest(scripts.visibleScript(scriptId)).id();
    } catch (ApiException gone) { // deleted or no longer visible: keep what is pinned
      return scriptVersionId;
    }
  }

  private boolean scriptVisible(UUID scriptId) {
    try {
      scripts.visibleScript(scriptId);
      return true;
    } catch (ApiException hidden) {
      return false;
    }
  }

  private Optional<Pin> pinOf(String role, @Nullable UUID scriptVersionId) {
    if (scriptVersionId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select s.id, s.name, v.number, s.latest_version from script_version v"
                + " join script s on s.id = v.script_id where v.id = ?")
        .param(scriptVersionId)
        .query(
            (rs, i) -> {
              UUID scriptId = rs.getObject(1, UUID.class);
              boolean visible = scriptVisible(scriptId);
              return new Pin(
                  role,
                  scriptId,
                  visible ? rs.getString(2) : "(a script you cannot see)",
                  rs.getInt(3),
                  rs.getInt(4),
                  visible);
            })
        .optional();
  }

  private void addVersion(UUID taskId, int number, Save s) {
    if (s.setScriptId() == null) {
      throw ApiException.invalid("setScriptId: a maintenance task needs a set script");
    }
    for (ScriptParameter p : s.parameters()) {
      if (p.secret()) {
        throw ApiException.invalid(
            "parameters: secret task parameters belong in the task's scripts");
      }
    }
    insertVersion(
        taskId,
        number,
        pin(s.getScriptId()),
        pin(s.setScriptId()),
        pin(s.testScriptId()),
        json.writeValueAsString(s.parameters()));
  }

  private void insertVersion(
      UUID taskId,
      int number,
      @Nullable UUID get,
      @Nullable UUID set,
      @Nullable UUID test,
      String parametersJson) {
    jdbc.sql(
            "insert into maintenance_task_version (id, task_id, number, get_script_version_id, set_script_version_id,"
                + " test_script_version_id, parameters, created_by) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
        .params(
            UUID.randomUUID(),
            taskId,
            number,
            get,
            set,
            test,
            parametersJson,
            authorizer.requireUser())
        .update();
  }

  /** The latest version of a script the caller may view (404 otherwise). */
  private @Nullable UUID pin(@Nullable UUID scriptId) {
    return scriptId == null ? null : scripts.latest(scripts.visibleScript(scriptId)).id();
  }

  private Optional<Task> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where t.id = ? and t.deleted_at is null"
                + (lock ? " for update of t" : ""))
        .param(id)
        .query(this::row)
        .optional();
  }

  private Task row(ResultSet rs, int i) throws SQLException {
    return new Task(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_tenant_id", UUID.class),
        rs.getObject("owner_tenant_id") == null,
        rs.getBoolean("visible_to_all_tenants"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("latest_version"),
        rs.getObject("version_id", UUID.class),
        rs.getObject("get_script_version_id", UUID.class),
        rs.getObject("set_script_version_id", UUID.class),
        rs.getObject("test_script_version_id", UUID.class),
        json.readValue(rs.getString("parameters"), new TypeReference<List<ScriptParameter>>() {}),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"),
        rs.getObject("created_by_msp_id", UUID.class));
  }

  OwnedObjects.Kind<Task> kind() {
    return kind;
  }
}
