package dev.tenantry.deployments.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.db.Counts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code deployment} table (V101). */
@Repository
class DeploymentRepository {
  static final String COLUMNS =
      "d.id, d.name, d.notes, d.subject_kind, d.subject_id, coalesce(d.software_version_id,"
          + " d.task_version_id) as version_id, d.desired_state, d.target_kind, d.target_computer_id,"
          + " d.target_person_id, d.target_tenant_id, d.include_children, d.target_tag_id,"
          + " d.target_msp_id, d.owner_tenant_id, d.enforced, d.priority, d.created_at, d.updated_at,"
          + " d.created_by, d.version";

  private final JdbcClient jdbc;

  DeploymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, DeploymentDraft d, @Nullable UUID owner, @Nullable UUID by) {
    Map<String, Object> p = params(d, owner);
    p.put("id", id);
    p.put("by", by);
    jdbc.sql(
            "insert into deployment (id, name, notes, subject_kind, software_id, software_version_id, task_id,"
                + " task_version_id, desired_state, target_kind, target_computer_id, target_person_id,"
                + " target_tenant_id, include_children, target_tag_id, target_msp_id, owner_tenant_id, enforced,"
                + " priority, created_by) values (:id, :name, :notes, :subjectKind, :softwareId, :softwareVersionId,"
                + " :taskId, :taskVersionId, :state, :kind, :computerId, :personId, :tenantId, :children, :tagId,"
                + " :mspId, :owner, :enforced, :priority, :by)")
        .params(p)
        .update();
  }

  /** Updates when the version matches; false when it does not (stale). */
  boolean update(UUID id, long expectedVersion, DeploymentDraft d, @Nullable UUID owner) {
    Map<String, Object> p = params(d, owner);
    p.put("id", id);
    p.put("expected", expectedVersion);
    return jdbc.sql(
                "update deployment set name = :name, notes = :notes, subject_kind = :subjectKind,"
                    + " software_id = :softwareId, software_version_id = :softwareVersionId, task_id = :taskId,"
                    + " task_version_id = :taskVersionId, desired_state = :state, target_kind = :kind,"
                    + " target_computer_id = :computerId, target_person_id = :personId, target_tenant_id = :tenantId,"
                    + " include_children = :children, target_tag_id = :tagId, target_msp_id = :mspId,"
                    + " owner_tenant_id = :owner, enforced = :enforced, priority = :priority, updated_at = now(),"
                    + " version = version + 1 where id = :id and version = :expected")
            .params(p)
            .update()
        == 1;
  }

  boolean delete(UUID id, long expectedVersion) {
    return jdbc.sql("delete from deployment where id = ? and version = ?")
            .params(id, expectedVersion)
            .update()
        == 1;
  }

  Optional<Deployment> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from deployment d where d.id = ?")
        .param(id)
        .query(DeploymentRepository::row)
        .optional();
  }

  /** A page of the deployments matching {@code where} (newest first) and how many match. */
  List<Deployment> list(SqlPredicate where, int limit, long offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from deployment d where "
                + where.sql()
                + " order by d.created_at desc, d.id limit :limit offset :offset")
        .params(where.params())
        .param("limit", limit)
        .param("offset", offset)
        .query(DeploymentRepository::row)
        .list();
  }

  /** Exact up to {@link Counts#EXACT}, an estimate beyond (as on the other lists). */
  Counts.Total count(SqlPredicate where) {
    return Counts.of(jdbc, "deployment d where " + where.sql(), where.params());
  }

  private static Map<String, Object> params(DeploymentDraft d, @Nullable UUID owner) {
    boolean software = d.subjectKind().equals("SOFTWARE");
    Map<String, Object> p = new HashMap<>();
    p.put("name", d.name());
    p.put("notes", d.notes());
    p.put("subjectKind", d.subjectKind());
    p.put("softwareId", software ? d.subjectId() : null);
    p.put("softwareVersionId", software ? d.versionId() : null);
    p.put("taskId", software ? null : d.subjectId());
    p.put("taskVersionId", software ? null : d.versionId());
    p.put("state", d.desiredState());
    TargetInput t = TargetInput.of(d.target().toTarget());
    p.put("kind", t.kind());
    p.put("computerId", t.computerId());
    p.put("personId", t.personId());
    p.put("tenantId", t.tenantId());
    p.put("children", Boolean.TRUE.equals(t.includeChildren()));
    p.put("tagId", t.tagId());
    p.put("mspId", t.mspId());
    p.put("owner", owner);
    p.put("enforced", d.enforced());
    p.put("priority", d.priority());
    return p;
  }

  static Deployment row(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("target_kind");
    TargetInput target =
        new TargetInput(
            kind,
            rs.getObject("target_computer_id", UUID.class),
            rs.getObject("target_person_id", UUID.class),
            rs.getObject("target_tenant_id", UUID.class),
            kind.equals("TENANT") ? rs.getBoolean("include_children") : null,
            rs.getObject("target_tag_id", UUID.class),
            rs.getObject("target_msp_id", UUID.class));
    return new Deployment(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("notes"),
        rs.getString("subject_kind"),
        rs.getObject("subject_id", UUID.class),
        rs.getObject("version_id", UUID.class),
        rs.getString("desired_state"),
        target,
        rs.getObject("owner_tenant_id", UUID.class),
        rs.getBoolean("enforced"),
        rs.getInt("priority"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getObject("created_by", UUID.class),
        rs.getLong("version"));
  }
}
