package dev.tenantry.authz.internal;

import dev.tenantry.authz.access.SqlPredicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code role_assignment}, with the role's name and the tenant that owns the principal. */
@Repository
public class AssignmentRepository {
  public record AssignmentRow(
      UUID id,
      @Nullable UUID userId,
      @Nullable UUID groupId,
      UUID roleId,
      String roleName,
      String effect,
      ScopeColumns scope,
      @Nullable Instant expiresAt,
      Instant createdAt,
      @Nullable UUID createdBy,
      @Nullable UUID principalTenantId) {}

  /** List filters; null = any. */
  public record Query(
      @Nullable UUID userId,
      @Nullable UUID groupId,
      @Nullable UUID roleId,
      @Nullable UUID tenantId,
      @Nullable String scopeKind,
      @Nullable String effect) {}

  private static final String SELECT =
      """
      select a.id, a.user_id, a.group_id, a.role_id, r.name, a.effect, a.scope_kind, a.scope_tenant_id,
             a.include_children, a.scope_tag_id, a.resource_kind, a.resource_computer_id, a.resource_computer_types,
             a.expires_at, a.created_at, a.created_by, coalesce(p.tenant_id, g.owner_tenant_id) as principal_tenant,
             a.scope_msp_limit
      from role_assignment a
      join role r on r.id = a.role_id
      left join app_user u on u.id = a.user_id
      left join person p on p.id = u.person_id
      left join user_group g on g.id = a.group_id""";
  private final JdbcClient jdbc;

  AssignmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AssignmentRow> find(UUID id) {
    return jdbc.sql(SELECT + " where a.id = :id")
        .param("id", id)
        .query(AssignmentRepository::map)
        .optional();
  }

  /**
   * Assignments matching the query whose principal the caller may see: {@code visibleTenants} is a
   * predicate over the principal's tenant (a user's person tenant, a group's owner); {@code
   * instanceWideGroups} admits assignments of groups without an owner.
   */
  public List<AssignmentRow> list(
      Query q, SqlPredicate visibleTenants, boolean instanceWideGroups) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>(visibleTenants.params());
    where.add(
        "((a.group_id is not null and g.owner_tenant_id is null and :instanceWide) or ("
            + visibleTenants.sql()
            + "))");
    params.put("instanceWide", instanceWideGroups);
    filter(where, params, "a.user_id", "userId", q.userId());
    filter(where, params, "a.group_id", "groupId", q.groupId());
    filter(where, params, "a.role_id", "roleId", q.roleId());
    filter(where, params, "a.scope_tenant_id", "tenantId", q.tenantId());
    filter(where, params, "a.scope_kind", "scopeKind", q.scopeKind());
    filter(where, params, "a.effect", "effect", q.effect());
    return jdbc.sql(
            SELECT + " where " + String.join(" and ", where) + " order by a.created_at, a.id")
        .params(params)
        .query(AssignmentRepository::map)
        .list();
  }

  /** Direct assignments of the user and those of every group the user belongs to. */
  public List<AssignmentRow> ofUserAndGroups(UUID userId) {
    return jdbc.sql(
            SELECT
                + " where a.user_id = :u or a.group_id in (select group_id from group_member where user_id = :u)"
                + " order by a.group_id nulls first, a.created_at, a.id")
        .param("u", userId)
        .query(AssignmentRepository::map)
        .list();
  }

  public void insert(
      UUID id,
      @Nullable UUID userId,
      @Nullable UUID groupId,
      UUID roleId,
      String effect,
      ScopeColumns scope,
      @Nullable Instant expiresAt,
      @Nullable UUID createdBy) {
    Map<String, Object> p = new HashMap<>(scope.params());
    p.put("id", id);
    p.put("userId", userId);
    p.put("groupId", groupId);
    p.put("roleId", roleId);
    p.put("effect", effect);
    p.put("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt));
    p.put("createdBy", createdBy);
    jdbc.sql(
            "insert into role_assignment (id, user_id, group_id, role_id, effect, "
                + ScopeColumns.COLUMNS
                + ", expires_at, created_by) values (:id, :userId, :groupId, :roleId, :effect, "
                + ScopeColumns.VALUES
                + ", :expiresAt, :createdBy)")
        .params(p)
        .update();
  }

  /** An assignment with the same principal, role, effect, scope and expiry exists (6j). */
  public boolean existsIdentical(dev.tenantry.authz.engine.AssignmentNode a) {
    ScopeColumns scope = ScopeColumns.of(a.scope());
    Map<String, Object> p = new HashMap<>(scope.params());
    p.put("principal", a.principal().id());
    p.put("roleId", a.roleId());
    p.put("effect", a.effect().name());
    p.put("expiresAt", a.expiresAt() == null ? null : Timestamp.from(a.expiresAt()));
    return jdbc.sql(
            "select exists (select 1 from role_assignment where coalesce(user_id, group_id) ="
                + " :principal and role_id = :roleId and effect = :effect and scope_kind ="
                + " :scopeKind and scope_tenant_id is not distinct from :scopeTenantId and"
                + " include_children = :includeChildren and scope_tag_id is not distinct from"
                + " :scopeTagId and resource_kind is not distinct from :resourceKind and"
                + " resource_computer_id is not distinct from :resourceComputerId and"
                + " coalesce(resource_computer_types, '{}') = coalesce(cast(:resourceComputerTypes"
                + " as text[]), '{}') and scope_msp_limit = :scopeMspLimit"
                + " and expires_at is not distinct from :expiresAt)")
        .params(p)
        .query(Boolean.class)
        .single();
  }

  public void delete(UUID id) {
    jdbc.sql("delete from role_assignment where id = ?").param(id).update();
  }

  /** The RESOURCE(one computer) assignments scoped to the computer. */
  public List<UUID> idsOnComputer(UUID computerId) {
    return jdbc.sql("select id from role_assignment where resource_computer_id = ?")
        .param(computerId)
        .query(UUID.class)
        .list();
  }

  public List<UUID> idsOfGroup(UUID groupId) {
    return jdbc.sql("select id from role_assignment where group_id = ?")
        .param(groupId)
        .query(UUID.class)
        .list();
  }

  private static void filter(
      List<String> where,
      Map<String, Object> params,
      String column,
      String name,
      @Nullable Object value) {
    if (value != null) {
      where.add(column + " = :" + name);
      params.put(name, value);
    }
  }

  private static AssignmentRow map(ResultSet rs, int n) throws SQLException {
    java.sql.Array types = rs.getArray(13);
    ScopeColumns scope =
        new ScopeColumns(
            rs.getString(7),
            rs.getObject(8, UUID.class),
            rs.getBoolean(9),
            rs.getObject(10, UUID.class),
            rs.getString(11),
            rs.getObject(12, UUID.class),
            types == null ? null : (String[]) types.getArray(),
            rs.getBoolean(18));
    Timestamp expires = rs.getTimestamp(14);
    return new AssignmentRow(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getObject(4, UUID.class),
        rs.getString(5),
        rs.getString(6),
        scope,
        expires == null ? null : expires.toInstant(),
        rs.getTimestamp(15).toInstant(),
        rs.getObject(16, UUID.class),
        rs.getObject(17, UUID.class));
  }
}
