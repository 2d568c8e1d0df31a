package dev.tenantry.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.Nodes;
import dev.tenantry.support.Nodes.Node;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default keeps what it acknowledged: the run-mode configuration has fsync,
 * synchronous_commit and full_page_writes on (only the settings can prove fsync; a process kill
 * proves synchronous_commit), and every write answered 2xx is there after PostgreSQL is killed with
 * SIGKILL under load and started again.
 */
class DurabilityTest {

  @Test
  void runModeEmbeddedPostgresHasFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
    try (EmbeddedPostgres pg =
        EmbeddedDatabase.embedded(Files.createTempDirectory("tenantry-durable"), true, true)
            .start()) {
      assertThat(settings(pg))
          .containsEntry("fsync", "on")
          .containsEntry("synchronous_commit", "on")
          .containsEntry("full_page_writes", "on");
    }
  }

  @Test
  void testModeEmbeddedPostgresIsFastOnlyWhenAskedExplicitly() throws Exception {
    try (EmbeddedPostgres pg =
        EmbeddedDatabase.embedded(Files.createTempDirectory("tenantry-fast"), true, false)
            .start()) {
      assertThat(settings(pg))
          .containsEntry("fsync", "off")
          .containsEntry("synchronous_commit", "off");
    }
  }

  @Test
  void everyWriteAnswered2xxSurvivesKillingPostgresUnderLoad() throws Exception {
    Path dir = Files.createTempDirectory("tenantry-kill");
    // not "clean": the library would delete the data directory when the dead server is closed
    EmbeddedPostgres pg = EmbeddedDatabase.embedded(dir, false, true).start();
    int port = pg.getPort();
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    Nodes nodes = new Nodes(pg);
    try {
      Node node = nodes.start(Map.of());
      Http admin = node.as(node.users().mspAdmin());
      Http.Response first = admin.post("/api/v1/tags", Map.of("name", "warm-up"));
      assertThat(first.status()).as(first.raw()).isEqualTo(201);
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(Thread.ofPlatform().start(() -> write(admin, running, acknowledged)));
      }
      awaitAcknowledged(acknowledged, 40);
      killWithChildren(dir); // SIGKILL, while the writers keep writing
      Thread.sleep(500);
      running.set(false);
      for (Thread t : writers) {
        t.join();
      }
      node.context().close();
    } finally {
      try {
        pg.close(); // its postmaster is gone: this only releases the library's lock
      } catch (Exception e) {
        // expected: pg_ctl stop finds no server
      }
    }
    System.out.println("pg_kill_acknowledged_writes=" + acknowledged.size());
    assertThat(acknowledged).hasSizeGreaterThan(10);
    try (EmbeddedPostgres again =
            EmbeddedDatabase.embedded(dir, false, true).setPort(port).start();
        Connection c = again.getPostgresDatabase().getConnection()) {
      assertThat(count(c, "select count(*) from tag where id = any(?)", acknowledged))
          .as("acknowledged tags after the kill")
          .isEqualTo(acknowledged.size());
      assertThat(
              count(
                  c,
                  "select count(distinct target_id) from audit_event where target_id = any(?)",
                  acknowledged.stream().map(UUID::toString).toList()))
          .as("their audit events")
          .isEqualTo(acknowledged.size());
      System.out.println("pg_kill_lost_writes=0");
    } finally {
      FileSystemUtils.deleteRecursively(dir);
    }
  }

  /** A few seconds of load: until {@code n} writes were acknowledged (at most 30 s). */
  static void awaitAcknowledged(Set<UUID> acknowledged, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (acknowledged.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static void write(Http admin, AtomicBoolean running, Set<UUID> acknowledged) {
    while (running.get()) {
      try {
        Http.Response r =
            admin.post(
                "/api/v1/tags",
                Map.of("name", "t-" + UUID.randomUUID().toString().substring(0, 12)));
        if (r.status() == 201) {
          acknowledged.add(UUID.fromString(r.json().path("id").asText()));
        }
      } catch (RuntimeException e) {
        // the server is gone: not acknowledged
      }
    }
  }

  /** SIGKILL to the postmaster and every backend, like a crash of the whole server. */
  static void killWithChildren(Path dataDir) throws Exception {
    long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> children = postmaster.descendants().toList();
    postmaster.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    postmaster.onExit().get();
    for (ProcessHandle child : children) {
      child.onExit().get();
    }
  }

  private static Map<String, String> settings(EmbeddedPostgres pg) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select name, setting from pg_settings"
                    + " where name in ('fsync', 'synchronous_commit', 'full_page_writes')");
        ResultSet rs = ps.executeQuery()) {
      Map<String, String> out = new java.util.HashMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
      return out;
    }
  }

  private static long count(Connection c, String sql, java.util.Collection<?> ids)
      throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      boolean uuids = ids.iterator().next() instanceof UUID;
      ps.setArray(1, c.createArrayOf(uuids ? "uuid" : "text", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
