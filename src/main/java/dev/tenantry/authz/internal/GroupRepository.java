package dev.tenantry.authz.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code user_group} and {@code group_member}. */
@Repository
public class GroupRepository {
  public record GroupRow(
      UUID id,
      String name,
      String description,
      @Nullable UUID ownerTenantId,
      int memberCount,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  public record MemberRow(UUID groupId, UUID userId, Instant addedAt, @Nullable UUID addedBy) {}

  private static final String SELECT =
      """
      select g.id, g.name, g.description, g.owner_tenant_id,
             (select count(*) from group_member m where m.group_id = g.id)::int as member_count,
             g.created_at, g.updated_at, g.version
      from user_group g""";
  private final JdbcClient jdbc;

  GroupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Names of the given groups (one query; for explanations). */
  public java.util.Map<UUID, String> names(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, String> out = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select id, name from user_group where id = any(?)")
          .param(ids.toArray(new UUID[0]))
          .query(
              rs -> {
                out.put(rs.getObject(1, UUID.class), rs.getString(2));
              });
    }
    return out;
  }

  public Optional<GroupRow> find(UUID id) {
    return jdbc.sql(SELECT + " where g.id = ?").param(id).query(Rows.of(GroupRow.class)).optional();
  }

  /**
   * Instance-wide groups when {@code instanceWide}, and groups owned by tenants the predicate
   * admits.
   */
  public List<GroupRow> listVisible(boolean instanceWide, SqlPredicate owners) {
    return jdbc.sql(
            SELECT
                + " where (g.owner_tenant_id is null and :instanceWide) or "
                + owners.sql()
                + " order by lower(g.name)")
        .params(owners.params())
        .param("instanceWide", instanceWide)
        .query(Rows.of(GroupRow.class))
        .list();
  }

  /**
   * Visible groups whose name contains {@code q} (any case), in name order, at most {@code limit}.
   */
  public List<GroupRow> searchVisible(
      boolean instanceWide, SqlPredicate owners, String q, int limit) {
    return jdbc.sql(
            SELECT
                + " where ((g.owner_tenant_id is null and :instanceWide) or "
                + owners.sql()
                + ") and g.name ilike :q order by lower(g.name), g.id limit :limit")
        .params(owners.params())
        .param("instanceWide", instanceWide)
        .param("q", dev.tenantry.shared.db.Like.contains(q))
        .param("limit", limit)
        .query(Rows.of(GroupRow.class))
        .list();
  }

  /** The visible groups among {@code ids}. */
  public List<GroupRow> visibleAmong(
      boolean instanceWide, SqlPredicate owners, java.util.Collection<UUID> ids) {
    return jdbc.sql(
            SELECT
                + " where ((g.owner_tenant_id is null and :instanceWide) or "
                + owners.sql()
                + ") and g.id = any(:ids)")
        .params(owners.params())
        .param("instanceWide", instanceWide)
        .param("ids", ids.stream().distinct().toArray(UUID[]::new))
        .query(Rows.of(GroupRow.class))
        .list();
  }

  public void insert(UUID id, String name, String description, @Nullable UUID owner) {
    jdbc.sql("insert into user_group (id, name, description, owner_tenant_id) values (?, ?, ?, ?)")
        .params(id, name, description, owner)
        .update();
  }

  public int update(UUID id, String name, String description, long version) {
    return jdbc.sql(
            """
            update user_group set name = ?, description = ?, updated_at = now(), version = version + 1
            where id = ? and version = ?""")
        .params(name, description, id, version)
        .update();
  }

  public void delete(UUID id) {
    jdbc.sql("delete from user_group where id = ?").param(id).update();
  }

  public List<MemberRow> members(UUID groupId) {
    return jdbc.sql(
            "select group_id, user_id, added_at, added_by from group_member where group_id = ? order by added_at, user_id")
        .param(groupId)
        .query(Rows.of(MemberRow.class))
        .list();
  }

  public Optional<MemberRow> member(UUID groupId, UUID userId) {
    return jdbc.sql(
            "select group_id, user_id, added_at, added_by from group_member where group_id = ? and user_id = ?")
        .params(groupId, userId)
        .query(Rows.of(MemberRow.class))
        .optional();
  }

  public void addMember(UUID groupId, UUID userId, @Nullable UUID by) {
    jdbc.sql("insert into group_member (group_id, user_id, added_by) values (?, ?, ?)")
        .params(groupId, userId, by)
        .update();
  }

  public void removeMember(UUID groupId, UUID userId) {
    jdbc.sql("delete from group_member where group_id = ? and user_id = ?")
        .params(groupId, userId)
        .update();
  }

  public List<GroupRow> groupsOf(UUID userId) {
    return jdbc.sql(
            SELECT
                + " where g.id in (select group_id from group_member where user_id = :u) order by lower(g.name)")
        .params(Map.of("u", userId))
        .query(Rows.of(GroupRow.class))
        .list();
  }

  /** The tenant of a user's person, if the user exists. */
  public Optional<UUID> userTenant(UUID userId) {
    return jdbc.sql(
            "select p.tenant_id from app_user u join person p on p.id = u.person_id where u.id = ?")
        .param(userId)
        .query(UUID.class)
        .optional();
  }
}
