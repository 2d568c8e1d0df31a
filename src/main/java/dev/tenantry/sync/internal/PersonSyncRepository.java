package dev.tenantry.sync.internal;

import dev.tenantry.shared.db.Rows;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync's writes to people of one tenant: only the Entra-owned columns (names, e-mail, UPN, job
 * title, Entra state, source); never {@code tenant_id}, tags, computers, users or assignments.
 * Every query names the tenant.
 */
@Repository
class PersonSyncRepository {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  PersonSyncRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  Map<UUID, SyncedPerson> byOids(UUID tenantId, Collection<UUID> oids) {
    Map<UUID, SyncedPerson> out = new HashMap<>();
    jdbc.sql(
            """
            select id, azure_object_id as oid, given_name, family_name, email, upn, job_title, entra_state, source
              from person where tenant_id = ? and azure_object_id = any(?)""")
        .params(tenantId, oids.toArray(new UUID[0]))
        .query(Rows.of(SyncedPerson.class))
        .list()
        .forEach(p -> out.put(p.oid(), p));
    return out;
  }

  void insert(UUID tenantId, UUID runId, List<SyncedPerson> people) {
    template.batchUpdate(
        """
        insert into person (id, tenant_id, given_name, family_name, email, upn, job_title, entra_state,
                            azure_object_id, source, seen_in_run)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AZURE', ?)""",
        people,
        500,
        (PreparedStatement ps, SyncedPerson p) -> {
          ps.setObject(1, p.id());
          ps.setObject(2, tenantId);
          fields(ps, 3, p);
          ps.setObject(9, p.oid());
          ps.setObject(10, runId);
        });
  }

  void update(UUID tenantId, UUID runId, List<SyncedPerson> people) {
    template.batchUpdate(
        """
        update person set given_name = ?, family_name = ?, email = ?, upn = ?, job_title = ?, entra_state = ?,
                          source = 'AZURE', seen_in_run = ?, updated_at = now(), version = version + 1
         where id = ? and tenant_id = ?""",
        people,
        500,
        (PreparedStatement ps, SyncedPerson p) -> {
          fields(ps, 1, p);
          ps.setObject(7, runId);
          ps.setObject(8, p.id());
          ps.setObject(9, tenantId);
        });
  }

  void markSeen(UUID tenantId, UUID runId, Collection<UUID> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("update person set seen_in_run = ? where tenant_id = ? and id = any(?)")
          .params(runId, tenantId, ids.toArray(new UUID[0]))
          .update();
    }
  }

  /** The users of these people of the tenant: person id → user id. */
  Map<UUID, UUID> usersOf(UUID tenantId, Collection<UUID> personIds) {
    Map<UUID, UUID> out = new HashMap<>();
    jdbc.sql(
            """
            select u.person_id, u.id from app_user u join person p on p.id = u.person_id
             where p.tenant_id = ? and u.person_id = any(?)""")
        .params(tenantId, personIds.toArray(new UUID[0]))
        .query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .list();
    return out;
  }

  /**
   * The users of these people of the tenant that nothing but their person's Entra state keeps
   * inactive: enabled, without a passed access expiry. A user an administrator disabled, or whose
   * access expired, is not among them (the sync never re-enables it, DESIGN §9).
   */
  List<UUID> usersActiveApartFromPerson(UUID tenantId, Collection<UUID> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select u.id from app_user u join person p on p.id = u.person_id
             where p.tenant_id = ? and u.person_id = any(?) and u.enabled
               and (u.access_expires_at is null or u.access_expires_at > now())
             order by u.id""")
        .params(tenantId, personIds.toArray(new UUID[0]))
        .query(UUID.class)
        .list();
  }

  /** Synced people a full sync did not see (gone from Entra), not yet marked, at most {@code n}. */
  List<SyncedPerson> unseen(UUID tenantId, UUID runId, int n) {
    return jdbc.sql(
            """
            select id, azure_object_id as oid, given_name, family_name, email, upn, job_title, entra_state, source
              from person
             where tenant_id = ? and source = 'AZURE' and azure_object_id is not null
               and entra_state <> 'REMOVED' and seen_in_run is distinct from ?
             order by id limit ?""")
        .params(tenantId, runId, n)
        .query(Rows.of(SyncedPerson.class))
        .list();
  }

  private static void fields(PreparedStatement ps, int from, SyncedPerson p) throws SQLException {
    ps.setString(from, p.givenName());
    ps.setString(from + 1, p.familyName());
    ps.setString(from + 2, p.email());
    ps.setString(from + 3, p.upn());
    ps.setString(from + 4, p.jobTitle());
    ps.setString(from + 5, p.entraState());
  }
}
