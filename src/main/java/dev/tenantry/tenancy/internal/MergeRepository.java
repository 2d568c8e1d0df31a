package dev.tenantry.tenancy.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bulk moves of a tenant merge, each returning the ids it touched. */
@Repository
public class MergeRepository {
  private final JdbcClient jdbc;

  MergeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Re-homes rows of {@code table.column} from source to target; only fixed names are passed. */
  List<UUID> move(String table, String column, UUID source, UUID target) {
    return jdbc.sql(
            "update "
                + table
                + " set "
                + column
                + " = :target"
                + " where "
                + column
                + " = :source returning id")
        .param("source", source)
        .param("target", target)
        .query(UUID.class)
        .list();
  }

  int usersOf(List<UUID> personIds) {
    return jdbc.sql("select count(*) from app_user where person_id = any(:ids)")
        .param("ids", personIds.toArray(new UUID[0]))
        .query(Integer.class)
        .single();
  }

  List<UUID> deleteAssignmentsScopedTo(UUID tenant) {
    return jdbc.sql("delete from role_assignment where scope_tenant_id = ? returning id")
        .param(tenant)
        .query(UUID.class)
        .list();
  }

  List<UUID> tagIds(UUID tenant) {
    return jdbc.sql("select tag_id from tenant_tag where tenant_id = ? order by tag_id")
        .param(tenant)
        .query(UUID.class)
        .list();
  }

  List<String> preferenceKeys(UUID tenant) {
    return jdbc.sql("select key from preference where tenant_id = ? order by key")
        .param(tenant)
        .query(String.class)
        .list();
  }

  /** Names that would collide in the target (roles and groups are unique by name per owner). */
  List<String> ownedNameClashes(String table, UUID source, UUID target) {
    return jdbc.sql(
            "select s.name from "
                + table
                + " s join "
                + table
                + " t"
                + " on lower(t.name) = lower(s.name) and t.owner_tenant_id = :target"
                + " where s.owner_tenant_id = :source order by s.name")
        .param("source", source)
        .param("target", target)
        .query(String.class)
        .list();
  }

  /** People of the source whose Entra object id is already known in the target. */
  List<String> personClashes(UUID source, UUID target) {
    return jdbc.sql(
            """
            select s.azure_object_id::text from person s join person t
                on t.azure_object_id = s.azure_object_id and t.tenant_id = :target
             where s.tenant_id = :source order by 1
            """)
        .param("source", source)
        .param("target", target)
        .query(String.class)
        .list();
  }

  /**
   * Groups that break "a group owned by tenant X only holds users whose person is in X", among
   * groups owned by {@code tenant} or holding a user whose person is in {@code tenant}.
   */
  List<String> groupsWithForeignMembers(UUID tenant) {
    return jdbc.sql(
            """
            select distinct g.name from user_group g
              join group_member gm on gm.group_id = g.id
              join app_user u on u.id = gm.user_id
              join person p on p.id = u.person_id
             where g.owner_tenant_id is not null and p.tenant_id <> g.owner_tenant_id
               and (g.owner_tenant_id = :t or p.tenant_id = :t)
             order by g.name
            """)
        .param("t", tenant)
        .query(String.class)
        .list();
  }
}
