package dev.tenantry.library.internal;

import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.bench.BenchDoc;
import dev.tenantry.shared.Page;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library's benchmark (issue 11), run by {@code ./tenantry mvn -B -P bench verify
 * -Dbench.heap=-Xmx480m -Dbench.args=-Dbench.library=true}: a fresh embedded PostgreSQL with the
 * real migrations, 100,000 scripts over 10,000 tenants, the real list SQL ({@link
 * ScriptRepository}, {@link ListSql}, {@link LibraryAccess#listFilter}) and the real {@link
 * FileStore} for a 1 GiB file, in a JVM whose heap is capped below 512 MiB (finishing proves the
 * heap stayed under it; the peak is reported too). Writes its figures into docs/benchmarks.md
 * between {@code <!-- library-bench -->} markers inside the notes (which {@code ./tenantry bench}
 * keeps).
 */
public final class LibraryBench {
  private static final int TENANTS = 10_000;
  private static final int SCRIPTS = 100_000;
  private static final long FILE = 1L << 30;

  private LibraryBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    String loadBefore = BenchDoc.load();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      JdbcClient jdbc = JdbcClient.create(ds);
      List<UUID> tenants = seed(jdbc);
      // the service's way: a Hikari pool and one read-only transaction per request (page and
      // total on one connection); the embedded server's plain DataSource opens a new PostgreSQL
      // connection (a backend process) for every query, which is what this figure measured before
      try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
        pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(2);
        lists(JdbcClient.create(pool), new DataSourceTransactionManager(pool), tenants, f);
      }
      plan(jdbc, tenants.get(0), f);
      if (!"false".equals(System.getProperty("bench.library.files"))) {
        files(jdbc, ds, f);
      }
    }
    f.put("load_before", loadBefore);
    f.put("load_after", BenchDoc.load());
    f.forEach((k, v) -> System.out.println(k + "=" + v));
    write(f);
  }

  private static List<UUID> seed(JdbcClient jdbc) {
    UUID msp = UUID.randomUUID();
    jdbc.sql("insert into tenant (id, name, slug, kind, msp_id) values (?, 'msp', 'msp', 'MSP', ?)")
        .params(msp, msp)
        .update();
    jdbc.sql(
            "insert into tenant (id, name, slug, kind, parent_id, msp_id)"
                + " select gen_random_uuid(), 'client-' || i, 'client-' || i, 'CLIENT', ?, ? from generate_series(1, ?) i")
        .params(msp, msp, TENANTS)
        .update();
    List<UUID> tenants =
        jdbc.sql("select id from tenant where kind = 'CLIENT' order by id")
            .query(UUID.class)
            .list();
    // 10 scripts per tenant, plus 100 global and 100 visible-to-all ones
    jdbc.sql(
            "insert into script (id, owner_tenant_id, name, language, visible_to_all_tenants)"
                + " select gen_random_uuid(), t.id, 'script ' || md5(t.id::text || g), 'POWERSHELL', g = 1 and t.name like 'client-%00'"
                + " from tenant t, generate_series(1, ?) g where t.kind = 'CLIENT'")
        .param(SCRIPTS / TENANTS)
        .update();
    jdbc.sql(
            "insert into script (id, owner_tenant_id, name, language)"
                + " select gen_random_uuid(), null, 'global ' || g, 'POWERSHELL' from generate_series(1, 100) g")
        .update();
    jdbc.sql("analyze").update();
    return tenants;
  }

  private static void lists(
      JdbcClient jdbc, DataSourceTransactionManager tm, List<UUID> tenants, Map<String, String> f) {
    ScriptRepository repo = new ScriptRepository(jdbc);
    TransactionTemplate tx = new TransactionTemplate(tm);
    tx.setReadOnly(true);
    Random random = new Random(11);
    for (int i = 0; i < 50; i++) { // warm-up
      page(tx, repo, new TenantFilter(false, Set.of(tenants.get(random.nextInt(tenants.size())))));
      page(tx, repo, TenantFilter.everythingFilter());
    }
    int n = 400;
    long[] filtered = new long[n];
    long[] unfiltered = new long[n];
    for (int i = 0; i < n; i++) {
      UUID t = tenants.get(random.nextInt(tenants.size()));
      long t0 = System.nanoTime();
      Page<ScriptRow> p = page(tx, repo, new TenantFilter(false, Set.of(t)));
      filtered[i] = System.nanoTime() - t0;
      if (p.items().isEmpty()) {
        throw new IllegalStateException("a tenant admin's first page is empty");
      }
      t0 = System.nanoTime();
      page(tx, repo, TenantFilter.everythingFilter());
      unfiltered[i] = System.nanoTime() - t0;
    }
    double fp95 = p95(filtered) / 1e6;
    double up95 = p95(unfiltered) / 1e6;
    f.put("library_list_p95_ms", String.format("%.2f", fp95));
    f.put("library_list_unfiltered_p95_ms", String.format("%.2f", up95));
    f.put("library_list_filter_ratio", String.format("%.2f", fp95 / up95));
  }

  /**
   * Prints PostgreSQL's plan of a tenant admin's first page (page and count) and records the
   * server's execution time of both, which the machine's load hardly touches.
   */
  private static void plan(JdbcClient jdbc, UUID tenant, Map<String, String> f) {
    double executionMs = 0;
    ListSql sql =
        new ListSql(
            "s",
            LibraryAccess.listFilter(
                LibraryKind.SCRIPT, "s", new TenantFilter(false, Set.of(tenant)), true));
    for (String q :
        List.of(
            "select s.id from script s where s.deleted_at is null and "
                + sql.where()
                + " order by "
                + sql.orderBy("name")
                + " limit 50",
            "select count(*) from script s where s.deleted_at is null and " + sql.where())) {
      System.out.println("plan: " + q);
      for (String l :
          jdbc.sql("explain (analyze, buffers) " + q)
              .params(sql.params())
              .query(String.class)
              .list()) {
        System.out.println("plan:   " + l);
        if (l.strip().startsWith("Execution Time:")) {
          executionMs += Double.parseDouble(l.replaceAll("[^0-9.]", ""));
        }
      }
    }
    f.put("library_list_server_execution_ms", String.format("%.2f", executionMs));
  }

  /** A first page of 50 by name with its total, as GET /api/v1/scripts runs it. */
  private static Page<ScriptRow> page(
      TransactionTemplate tx, ScriptRepository repo, TenantFilter owned) {
    ListSql sql = new ListSql("s", LibraryAccess.listFilter(LibraryKind.SCRIPT, "s", owned, true));
    return tx.execute(s -> repo.list(sql, "name", 0, 50));
  }

  private static void files(JdbcClient jdbc, DataSource ds, Map<String, String> f)
      throws IOException {
    DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
    FileStore store = new FileStore(ds, tm, 4 * 1024 * 1024, 2L * 1024 * 1024 * 1024, 16);
    TransactionTemplate tx = new TransactionTemplate(tm);
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    FileStore.Blob blob = tx.execute(s -> store.store(new Generated(FILE), FILE));
    double up = (System.nanoTime() - t0) / 1e9;
    long uploadPeak = heapPeak();
    if (blob == null || blob.size() != FILE) {
      throw new IllegalStateException("upload stored " + (blob == null ? 0 : blob.size()));
    }
    System.gc();
    resetPeaks();
    long[] count = {0};
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count[0] += len;
          }
        };
    t0 = System.nanoTime();
    store.copy(blob, 0, blob.size() - 1, sink);
    double down = (System.nanoTime() - t0) / 1e9;
    if (count[0] != FILE) {
      throw new IllegalStateException("download sent " + count[0]);
    }
    long downloadPeak = heapPeak();
    f.put("upload_mib_s", String.format("%.1f", 1024 / up));
    f.put("download_mib_s", String.format("%.1f", 1024 / down));
    f.put("upload_heap_peak_mib", "" + uploadPeak / (1024 * 1024));
    f.put("download_heap_peak_mib", "" + downloadPeak / (1024 * 1024));
    f.put("heap_max_mib", "" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /** 1 GiB of varied bytes without holding them: a 1 MiB random block, re-salted per MiB. */
  private static final class Generated extends InputStream {
    private final byte[] block = new byte[1 << 20];
    private long left;
    private int pos = block.length;
    private final Random random = new Random(7);

    Generated(long size) {
      this.left = size;
      random.nextBytes(block);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      if (pos == block.length) {
        block[random.nextInt(block.length)] ^= (byte) (1 + random.nextInt(255));
        pos = 0;
      }
      int n = (int) Math.min(Math.min(len, block.length - pos), left);
      System.arraycopy(block, pos, b, off, n);
      pos += n;
      left -= n;
      return n;
    }
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double p95(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(0.95 * s.length) - 1];
  }

  private static void write(Map<String, String> f) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("### Library (issue 11), written by the library benchmark on " + Instant.now());
    lines.add("");
    lines.add(
        "Command: `./tenantry mvn -B -P bench verify -Dbench.heap=-Xmx480m -Dbench.args=-Dbench.library=true`."
            + " 100,000 scripts over 10,000 tenants; a tenant admin's first page (50 by name, with the total)"
            + " against the same query unfiltered (OWNER), each in one read-only transaction on a Hikari pool as the"
            + " service runs it (-Dbench.library.files=false: lists only); a 1 GiB file streamed into and out of PostgreSQL"
            + " (4 MiB chunks) in a JVM capped at 480 MiB of heap. Targets: library_list_p95_ms ≤ 50,"
            + " library_list_filter_ratio ≤ 1.5, heap < 512 MiB.");
    lines.add("");
    BenchDoc.writeSection("library-bench", lines, f);
  }
}
