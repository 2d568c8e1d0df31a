package dev.tenantry.library.internal;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes file blobs that nothing references (no media, no software version's installer; license
 * files are sealed in their row, not blobs) once they are older than the grace period, chunks and
 * all. An upload writes its blob and its reference in one transaction, so an upload in progress is
 * invisible here; the grace period also spares blobs just committed. A finished upload that re-uses
 * an existing blob (de-duplication) holds the advisory lock on the blob's hash until it commits
 * ({@link FileStore}); the collector deletes a blob only while holding that lock itself (and skips
 * it when busy), re-checking that it is still unreferenced, so it never deletes a blob that an
 * upload is about to reference.
 */
@Component
public class BlobCollector {
  private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);
  private static final int BATCH = 100;
  private static final String UNREFERENCED =
      " not exists (select 1 from media m where m.blob_id = b.id)"
          + " and not exists (select 1 from software_version v where v.installer_blob_id = b.id)";
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Duration grace;

  BlobCollector(
      JdbcClient jdbc,
      PlatformTransactionManager tm,
      @Value("${tenantry.library.blob-gc-grace:PT1H}") Duration grace) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(tm);
    this.grace = grace;
  }

  private record Candidate(UUID id, byte @Nullable [] sha256) {}

  /** One pass over every unreferenced blob older than the grace period; answers how many went. */
  public int collect() {
    int deleted = 0;
    // PostgreSQL orders uuids by their unsigned bytes: the all-zero uuid is the smallest
    UUID after = new UUID(0L, 0L);
    while (true) {
      List<Candidate> batch =
          jdbc.sql(
                  "select b.id, b.sha256 from file_blob b where b.created_at < now() - make_interval(secs => ?)"
                      + " and b.id > ? and"
                      + UNREFERENCED
                      + " order by b.id limit ?")
              .params(grace.toSeconds(), after, BATCH)
              .query((rs, i) -> new Candidate(rs.getObject(1, UUID.class), rs.getBytes(2)))
              .list();
      for (Candidate c : batch) {
        if (Boolean.TRUE.equals(tx.execute(s -> delete(c)))) {
          deleted++;
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
      after = batch.getLast().id();
    }
    if (deleted > 0) {
      log.info("Blob collection deleted {} unreferenced file blob(s)", deleted);
    }
    return deleted;
  }

  private boolean delete(Candidate c) {
    if (c.sha256() != null) {
      boolean locked =
          jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 80))")
              .param(HexFormat.of().formatHex(c.sha256()))
              .query(Boolean.class)
              .single();
      if (!locked) {
        return false; // an upload of the same content is finishing: next time
      }
    }
    return jdbc.sql("delete from file_blob b where b.id = ? and" + UNREFERENCED)
            .param(c.id())
            .update()
        == 1;
  }
}
