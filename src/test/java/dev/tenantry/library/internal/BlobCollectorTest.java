package dev.tenantry.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Blob garbage collection: what nothing references goes once older than the grace period. */
class BlobCollectorTest extends IntegrationTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @Autowired BlobCollector collector;
  @Autowired TransactionTemplate tx;

  /** A complete one-chunk blob created {@code hoursAgo}; answers its id. */
  private UUID blob(int hoursAgo) {
    return blob(UUID.randomUUID(), hoursAgo);
  }

  /** The same with a given id (PostgreSQL orders uuids by unsigned bytes: test both halves). */
  private UUID blob(UUID id, int hoursAgo) {
    byte[] sha = new byte[32];
    RANDOM.nextBytes(sha);
    testUsers.write(
        () -> {
          jdbc.sql(
                  "insert into file_blob (id, sha256, size, chunk_size, complete, created_at)"
                      + " values (?, ?, 3, 65536, true, now() - make_interval(hours => ?))")
              .params(id, sha, hoursAgo)
              .update();
          jdbc.sql("insert into file_chunk (blob_id, seq, data) values (?, 0, ?)")
              .params(id, new byte[] {1, 2, 3})
              .update();
        });
    return id;
  }

  private boolean exists(UUID blob) {
    return jdbc.sql("select exists(select 1 from file_blob where id = ?)")
        .param(blob)
        .query(Boolean.class)
        .single();
  }

  @Test
  void unreferencedBlobsPastTheGraceGoWhileReferencedAndFreshOnesStay() {
    UUID oldUnreferenced = blob(3);
    UUID lowId =
        blob(new UUID(0x0000_7fff_0000_0000L | (RANDOM.nextInt() & 0xffffL), RANDOM.nextLong()), 3);
    UUID highId =
        blob(new UUID(0xffff_0000_0000_0000L | (RANDOM.nextInt() & 0xffffL), RANDOM.nextLong()), 3);
    UUID fresh = blob(0); // e.g. a finished upload whose object is about to point at it
    UUID media = blob(3);
    UUID installer = blob(3);
    testUsers.write(
        () -> {
          jdbc.sql("insert into media (id, name, blob_id) values (?, 'gc media', ?)")
              .params(UUID.randomUUID(), media)
              .update();
          UUID software = UUID.randomUUID();
          jdbc.sql("insert into software (id, name) values (?, 'gc software')")
              .param(software)
              .update();
          jdbc.sql(
                  "insert into software_version (id, software_id, version, sort_key, installer_blob_id)"
                      + " values (?, ?, '1', '#000000000000000001.\"', ?)")
              .params(UUID.randomUUID(), software, installer)
              .update();
        });

    assertThat(collector.collect()).isPositive();

    assertThat(exists(oldUnreferenced)).isFalse();
    assertThat(exists(lowId)).as("a uuid in the lower half of the unsigned order").isFalse();
    assertThat(exists(highId)).as("a uuid in the upper half of the unsigned order").isFalse();
    assertThat(
            jdbc.sql("select count(*) from file_chunk where blob_id = ?")
                .param(oldUnreferenced)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(exists(fresh)).as("inside the grace period").isTrue();
    assertThat(exists(media)).as("referenced by media").isTrue();
    assertThat(exists(installer)).as("referenced by a software version").isTrue();
  }

  /**
   * An upload that finds its content already stored holds the advisory lock on the hash until it
   * commits its reference; meanwhile the collector leaves that blob alone.
   */
  @Test
  void aBlobAnUploadIsAboutToReuseIsNotCollected() throws Exception {
    UUID blob = blob(3);
    String hex =
        HexFormat.of()
            .formatHex(
                jdbc.sql("select sha256 from file_blob where id = ?")
                    .param(blob)
                    .query(byte[].class)
                    .single());
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> upload =
          pool.submit(
              () ->
                  tx.executeWithoutResult(
                      s -> {
                        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 80))")
                            .param(hex)
                            .query()
                            .listOfRows();
                        locked.countDown();
                        try {
                          release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
      collector.collect();
      assertThat(exists(blob)).as("skipped while the upload holds the hash").isTrue();
      release.countDown();
      upload.get(60, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    collector.collect();
    assertThat(exists(blob)).as("collected once the upload has gone without using it").isFalse();
  }
}
