package dev.tenantry.sync;

import static dev.tenantry.support.TestGraph.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark, not part of the test suite (the name does not end in Test): 50,000 people served by
 * WireMock at 999 per page, then a delta of 1,000 changes. Writes its figures between {@code <!--
 * sync -->} markers inside the notes of {@code docs/benchmarks.md} (kept by {@code ./tenantry
 * bench}). Run: {@code ./tenantry mvn -o -Dtest=DirectorySyncBench
 * -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
class DirectorySyncBench extends SyncTestSupport {
  private static final int PEOPLE = 50_000;
  private static final int PAGE = 999;

  @Test
  void initialSyncOf50kPeopleThenADeltaOf1k() throws Exception {
    String load0 = load();
    UUID[] t = linkedTenant("bench");
    String tag = t[1].toString();
    List<UUID> oids = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      oids.add(UUID.randomUUID());
    }
    int pages = (PEOPLE + PAGE - 1) / PAGE;
    for (int p = 0; p < pages; p++) {
      List<Map<String, Object>> users = new ArrayList<>();
      for (int i = p * PAGE; i < Math.min(PEOPLE, (p + 1) * PAGE); i++) {
        users.add(
            user(oids.get(i), "Given" + i, "Family" + i, "user" + i + "@bench.example", true));
      }
      String next = p + 1 < pages ? tag + "-p" + (p + 1) : null;
      String body = page(users, next, next == null ? tag + "-d1" : null);
      if (p == 0) {
        firstPage(t[1], body);
      } else {
        skipPage(t[1], tag + "-p" + p, body);
      }
    }
    List<Map<String, Object>> changes = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      changes.add(Map.of("id", oids.get(i * 50).toString(), "jobTitle", "Changed " + i));
    }
    deltaPage(t[1], tag + "-d1", page(changes.subList(0, PAGE), tag + "-dp2", null));
    skipPage(t[1], tag + "-dp2", page(changes.subList(PAGE, 1_000), null, tag + "-d2"));

    long baseline = usedAfterGc();
    GcWatch watch = new GcWatch();
    long t0 = System.nanoTime();
    JsonNode initial = sync(t[0], java.time.Duration.ofMinutes(30));
    double initialS = (System.nanoTime() - t0) / 1e9;
    watch.stop();
    long retained = usedAfterGc() - baseline;
    assertThat(initial.path("status").asString()).as(initial.toString()).isEqualTo("SUCCEEDED");
    assertThat(initial.path("created").asInt()).isEqualTo(PEOPLE);

    long t1 = System.nanoTime();
    JsonNode delta = sync(t[0], java.time.Duration.ofMinutes(5));
    double deltaMs = (System.nanoTime() - t1) / 1e6;
    assertThat(delta.path("updated").asInt()).isEqualTo(1_000);
    String load1 = load();

    Map<String, String> f = new LinkedHashMap<>();
    f.put("sync_initial_50k_s", String.format("%.1f", initialS));
    f.put("sync_initial_50k_people_per_s", String.format("%.0f", PEOPLE / initialS));
    f.put("sync_delta_1k_ms", String.format("%.0f", deltaMs));
    f.put("sync_initial_50k_heap_growth_mib", String.valueOf(mib(watch.maxAfterGc - baseline)));
    f.put("sync_initial_50k_heap_retained_mib", String.valueOf(mib(Math.max(0, retained))));
    f.forEach((k, v) -> System.out.println(k + "=" + v));
    write(f, load0, load1);
  }

  private static long mib(long bytes) {
    return Math.max(0, bytes) / (1024 * 1024);
  }

  private static long usedAfterGc() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  /** The largest heap in use right after any GC while the sync runs (the live set, not garbage). */
  private static final class GcWatch {
    volatile long maxAfterGc;
    private final List<Runnable> undo = new ArrayList<>();

    GcWatch() {
      AtomicLong max = new AtomicLong();
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        NotificationListener l =
            (n, h) -> {
              if (n.getType()
                  .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                maxAfterGc = max.accumulateAndGet(used, Math::max);
              }
            };
        ((NotificationEmitter) gc).addNotificationListener(l, null, null);
        undo.add(
            () -> {
              try {
                ((NotificationEmitter) gc).removeNotificationListener(l);
              } catch (Exception ignored) {
                // already gone
              }
            });
      }
    }

    void stop() {
      undo.forEach(Runnable::run);
    }
  }

  private static void write(Map<String, String> f, String load0, String load1) throws Exception {
    Path doc = Path.of("docs/benchmarks.md");
    String old = Files.readString(doc);
    StringBuilder s = new StringBuilder("<!-- sync -->\n### Directory sync (issue 13)\n\n");
    s.append("Written by `DirectorySyncBench` on ")
        .append(Instant.now())
        .append(
            " (WireMock in the same JVM serving Graph-shaped pages of 999 users; embedded PostgreSQL;")
        .append(" `/proc/loadavg` ")
        .append(load0)
        .append(" at the start, ")
        .append(load1)
        .append(" at the end, on a 2-core machine shared with other builds).\n\n```\n");
    f.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    s.append("```\n\n")
        .append(
            "`sync_initial_50k_heap_growth_mib`: the largest live heap after any GC during the initial sync,")
        .append(
            " minus the live heap before it (target ≤ 256 MiB: pages are applied and dropped one by one).")
        .append(" `…_retained_mib`: live heap after the sync minus before. Verdict: heap target ")
        .append(
            Long.parseLong(f.get("sync_initial_50k_heap_growth_mib")) <= 256 ? "met" : "**missed**")
        .append(
            " (an upper bound: usage after a young collection still holds old-generation garbage).")
        .append(" The time is dominated by PostgreSQL writes and one audit event per batch of 999;")
        .append(" the load average of the shared machine makes it noisy.\n<!-- /sync -->\n");
    String out;
    int a = old.indexOf("<!-- sync -->");
    int b = old.indexOf("<!-- /sync -->");
    if (a >= 0 && b > a) {
      out = old.substring(0, a) + s + old.substring(b + "<!-- /sync -->\n".length());
    } else {
      int end = old.indexOf("<!-- /notes -->");
      out = end < 0 ? old + "\n" + s : old.substring(0, end) + "\n" + s + old.substring(end);
    }
    Files.writeString(doc, out);
  }
}
