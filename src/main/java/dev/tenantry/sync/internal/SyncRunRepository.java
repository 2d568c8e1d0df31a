package dev.tenantry.sync.internal;

import dev.tenantry.shared.db.Rows;
import dev.tenantry.sync.SyncRun;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sync runs. The partial unique index on RUNNING rows is the per-tenant lock: {@link #start}
 * answers empty while another run of the tenant is going on (on any node).
 */
@Repository
class SyncRunRepository {
  private static final String SELECT =
      """
      select id, tenant_id, trigger, status, full_sync, started_at, finished_at, pages, created, updated,
             marked, skipped, error, warnings from directory_sync_run""";
  private final JdbcClient jdbc;

  SyncRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Frees the lock of runs whose node stopped sending heartbeats (crashed mid-run). */
  void failAbandoned(UUID tenantId) {
    jdbc.sql(
            """
            update directory_sync_run set status = 'FAILED', finished_at = now(),
                   error = 'abandoned: no progress for 10 minutes'
             where tenant_id = ? and status = 'RUNNING' and heartbeat_at < now() - interval '10 minutes'""")
        .param(tenantId)
        .update();
  }

  Optional<UUID> start(UUID tenantId, String trigger, @Nullable UUID requestedBy) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql(
              """
              insert into directory_sync_run (id, tenant_id, trigger, requested_by, status)
              values (?, ?, ?, ?, 'RUNNING')""")
          .params(id, tenantId, trigger, requestedBy)
          .update();
      return Optional.of(id);
    } catch (DuplicateKeyException running) {
      return Optional.empty();
    }
  }

  void progress(UUID runId, boolean full, int pages, Counts c) {
    jdbc.sql(
            """
            update directory_sync_run set full_sync = ?, pages = ?, created = ?, updated = ?, marked = ?,
                   skipped = ?, heartbeat_at = now() where id = ?""")
        .params(full, pages, c.created(), c.updated(), c.marked(), c.skipped(), runId)
        .update();
  }

  void warn(UUID runId, String warning) {
    jdbc.sql(
            """
            update directory_sync_run set warnings = coalesce(warnings || E'\\n', '') || ?
             where id = ?""")
        .params(warning, runId)
        .update();
  }

  void finish(UUID runId, @Nullable String error) {
    jdbc.sql(
            """
            update directory_sync_run set status = ?, error = ?, finished_at = now(), heartbeat_at = now()
             where id = ?""")
        .params(error == null ? "SUCCEEDED" : "FAILED", error, runId)
        .update();
  }

  Optional<SyncRun> find(UUID runId) {
    return jdbc.sql(SELECT + " where id = ?").param(runId).query(Rows.of(SyncRun.class)).optional();
  }

  List<SyncRun> recent(UUID tenantId, int n) {
    return jdbc.sql(SELECT + " where tenant_id = ? order by started_at desc, id limit ?")
        .params(tenantId, n)
        .query(Rows.of(SyncRun.class))
        .list();
  }

  /** Counts of one run so far. */
  record Counts(int created, int updated, int marked, int skipped) {
    static final Counts ZERO = new Counts(0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(
          created + o.created, updated + o.updated, marked + o.marked, skipped + o.skipped);
    }
  }
}
