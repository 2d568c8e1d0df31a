package dev.tenantry.identity.internal;

import dev.tenantry.shared.db.Rows;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Impersonation rows. "Active" = not ended, not expired, and the target may still act. */
@Repository
class Impersonations {
  private final JdbcClient jdbc;
  private final ActiveImpersonations cache;

  Impersonations(JdbcClient jdbc, ActiveImpersonations cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  record Active(
      UUID id,
      UUID impersonatorId,
      UUID targetId,
      String reason,
      Instant startedAt,
      Instant expiresAt) {}

  Optional<Active> activeFor(UUID impersonatorId) {
    return jdbc.sql(
            """
        select i.id, i.impersonator_id, i.target_id, i.reason, i.started_at, i.expires_at
          from impersonation i join app_user t on t.id = i.target_id
         where i.impersonator_id = ? and i.ended_at is null and i.expires_at > now()
           and t.enabled and (t.access_expires_at is null or t.access_expires_at > now())
        """)
        .param(impersonatorId)
        .query(Rows.of(Active.class))
        .optional();
  }

  /** Closes rows that ran out by themselves, so a new one may start (unique index on open rows). */
  void closeLapsed(UUID impersonatorId) {
    cache.changed();
    jdbc.sql(
            """
        update impersonation set ended_at = least(expires_at, now())
         where impersonator_id = ? and ended_at is null
        """)
        .param(impersonatorId)
        .update();
  }

  void start(UUID id, UUID impersonatorId, UUID targetId, String reason, Instant expiresAt) {
    cache.changed();
    jdbc.sql(
            """
        insert into impersonation (id, impersonator_id, target_id, reason, expires_at)
        values (?, ?, ?, ?, ?)
        """)
        .params(id, impersonatorId, targetId, reason, java.sql.Timestamp.from(expiresAt))
        .update();
  }

  int end(UUID id) {
    cache.changed();
    return jdbc.sql("update impersonation set ended_at = now() where id = ? and ended_at is null")
        .param(id)
        .update();
  }
}
