package dev.tenantry.deployments.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.bench.BenchDoc;
import dev.tenantry.shared.Page;
import dev.tenantry.tenancy.InheritedFlags;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deployments' benchmark (issue 12), run by {@code ./tenantry mvn -B -P bench verify
 * -Dbench.args=-Dbench.deployments=true}: a fresh embedded PostgreSQL with the real migrations,
 * bulk-loaded with SQL (10,000 tenants under one MSP, 1,000,000 computers, 50,000 deployments), and
 * the real resolution SQL ({@link DeploymentResolution#page}, {@link TargetSql}) and the real
 * {@link ComputerDeployments} with tenancy's {@link InheritedFlags}. Writes its figures into
 * docs/benchmarks.md between {@code <!-- deployments-bench -->} markers.
 */
public final class DeploymentBench {
  /**
   * {@code -Dbench.deployments.scale=0.1} for a tenth of the size while iterating (not written).
   */
  private static final double SCALE =
      Double.parseDouble(System.getProperty("bench.deployments.scale", "1"));

  private static final boolean FULL_SIZE = SCALE == 1;
  private static final int TENANTS = (int) (10_000 * SCALE);
  private static final int COMPUTERS = (int) (1_000_000 * SCALE);
  private static final int DEPLOYMENTS = (int) (50_000 * SCALE);
  private static final boolean EXPLAIN = Boolean.getBoolean("bench.deployments.explain");

  private DeploymentBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("load_before", BenchDoc.load());
    // a throw-away database: no durability, so that the bulk load is not bound by the disk
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("shared_buffers", "512MB")
            .setServerConfig("maintenance_work_mem", "512MB")
            .setServerConfig("work_mem", "32MB")
            .start()) {
      // pooled connections, as the application has (EmbeddedPostgres' own DataSource opens a new
      // connection, a new server process, per statement: that alone cost tens of ms per query)
      HikariConfig pool = new HikariConfig();
      pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
      pool.setMaximumPoolSize(2);
      HikariDataSource ds = new HikariDataSource(pool);
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      JdbcClient jdbc = JdbcClient.create(ds);
      long t0 = System.nanoTime();
      UUID msp = seed(jdbc);
      f.put("seed_s", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
      InheritedFlags flags = flags(jdbc);
      resolve(jdbc, flags, msp, f);
      perComputer(jdbc, flags, f);
      ds.close();
    }
    f.put("load_after", BenchDoc.load());
    f.forEach((k, v) -> System.out.println(k + "=" + v));
    if (FULL_SIZE) {
      write(f);
    } else {
      System.out.println("scale " + SCALE + ": figures not written to docs/benchmarks.md");
    }
  }

  private static UUID seed(JdbcClient jdbc) {
    UUID msp = UUID.randomUUID();
    jdbc.sql("insert into tenant (id, name, slug, kind, msp_id) values (?, 'msp', 'msp', 'MSP', ?)")
        .params(msp, msp)
        .update();
    // a tree as MSPs nest customers: client i's parent is client i/10 (clients 1-9 under the MSP),
    // so tenants lie 1 to 5 levels below the MSP (ids derived from i, one statement)
    jdbc.sql(
            "insert into tenant (id, name, slug, kind, parent_id, msp_id) select md5('t' || i)::uuid,"
                + " 'client-' || i, 'client-' || i, 'CLIENT',"
                + " case when i >= 10 then md5('t' || (i / 10))::uuid else ? end, ?"
                + " from generate_series(1, ?) i")
        .params(msp, msp, TENANTS)
        .update();
    // the computer table's secondary indexes make a 1,000,000-row insert crawl: dropped for the
    // load and rebuilt after it (as a bulk import would do)
    List<String> indexes =
        jdbc.sql(
                "select indexdef from pg_indexes i where tablename = 'computer' and not exists"
                    + " (select 1 from pg_constraint k where k.conname = i.indexname)")
            .query(String.class)
            .list();
    for (String def : indexes) {
      String name = def.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2");
      jdbc.sql("drop index " + name).update();
    }
    // 100 computers per tenant, every tenth with a primary person
    jdbc.sql(
            "insert into person (id, tenant_id, given_name, source)"
                + " select gen_random_uuid(), t.id, 'p' || g, 'MANUAL' from tenant t, generate_series(1, 10) g"
                + " where t.kind = 'CLIENT'")
        .update();
    jdbc.sql(
            "insert into computer (id, tenant_id, name, type, primary_person_id)"
                + " select gen_random_uuid(), t.id, 'pc-' || md5(t.id::text || g), 'WORKSTATION',"
                + " case when g % 10 = 0 then p.id end"
                + " from tenant t join lateral (select id from person p where p.tenant_id = t.id"
                + " limit 1) p on true, generate_series(1, ?) g where t.kind = 'CLIENT'")
        .param(COMPUTERS / TENANTS)
        .update();
    for (String def : indexes) {
      jdbc.sql(def).update();
    }
    // 10 tags on 100 tenants each; 50 tenants excluded from cross-tenant deployments
    jdbc.sql(
            "insert into tag (id, name) select gen_random_uuid(), 'tag-' || g from generate_series(1, 10) g")
        .update();
    jdbc.sql(
            "insert into tenant_tag (tenant_id, tag_id) select t.id, g.id from"
                + " (select id, row_number() over (order by id) n from tenant where kind = 'CLIENT') t"
                + " join (select id, row_number() over (order by id) n from tag) g on t.n % 100 = g.n")
        .update();
    jdbc.sql(
            "insert into preference (level, tenant_id, key, value) select 'TENANT', id,"
                + " 'maintenance.excludeFromCrossTenant', 'true' from tenant where kind = 'CLIENT'"
                + " order by id limit 50")
        .update();
    jdbc.sql(
            "insert into software (id, name) select gen_random_uuid(), 'sw-' || g from generate_series(1, 2000) g")
        .update();
    // 50,000 deployments: 90% computers, 8% tenants (a quarter with children), 1% people,
    // 0.6% tags, 0.4% cross-tenant (instance-wide and MSP)
    String common =
        "insert into deployment (id, name, subject_kind, software_id, desired_state, target_kind,";
    jdbc.sql(
            "create table bench_sw_n as select id, (row_number() over (order by id) - 1)::int n from software")
        .update();
    jdbc.sql("alter table bench_sw_n add primary key (n)").update();
    String sw = "(select id from bench_sw_n where n = g % 2000)";
    jdbc.sql(
            common
                + " target_computer_id, owner_tenant_id) select gen_random_uuid(), 'd' || g, 'SOFTWARE', "
                + sw
                + ", 'KEEP_LATEST', 'COMPUTER', c.id, c.tenant_id from (select id, tenant_id,"
                + " row_number() over () g from computer order by random() limit ?) c")
        .param(DEPLOYMENTS * 90 / 100)
        .update();
    jdbc.sql(
            common
                + " target_tenant_id, include_children, owner_tenant_id) select gen_random_uuid(), 'd' || g,"
                + " 'SOFTWARE', "
                + sw
                + ", 'KEEP_LATEST', 'TENANT', t.id, g % 4 = 0, t.id from (select id,"
                + " row_number() over () g from tenant order by random() limit ?) t")
        .param(DEPLOYMENTS * 8 / 100)
        .update();
    jdbc.sql(
            common
                + " target_person_id, owner_tenant_id) select gen_random_uuid(), 'd' || g, 'SOFTWARE', "
                + sw
                + ", 'UNINSTALL', 'PERSON', p.id, p.tenant_id from (select id, tenant_id,"
                + " row_number() over () g from person order by random() limit ?) p")
        .param(DEPLOYMENTS / 100)
        .update();
    jdbc.sql(
            common
                + " target_tag_id, target_msp_id, owner_tenant_id) select gen_random_uuid(), 'd' || g,"
                + " 'SOFTWARE', "
                + sw
                + ", 'KEEP_LATEST', 'TENANT_TAG', (select id from tag order by id offset (g % 10) limit 1),"
                + " ?, ? from generate_series(1, ?) g")
        .params(msp, msp, DEPLOYMENTS * 6 / 1000)
        .update();
    jdbc.sql(
            common
                + " target_msp_id, owner_tenant_id) select gen_random_uuid(), 'd' || g, 'SOFTWARE', "
                + sw
                + ", 'IGNORE', 'CROSS_TENANT', case when g % 2 = 0 then ?::uuid end,"
                + " case when g % 2 = 0 then ?::uuid end from generate_series(1, ?) g")
        .params(msp, msp, DEPLOYMENTS * 4 / 1000)
        .update();
    jdbc.sql("vacuum analyze").update();
    return msp;
  }

  private static InheritedFlags flags(JdbcClient jdbc) throws ReflectiveOperationException {
    Class<?> queryClass = Class.forName("dev.tenantry.tenancy.internal.InheritedFlagQuery");
    Constructor<?> q = queryClass.getDeclaredConstructor(JdbcClient.class);
    q.setAccessible(true);
    Constructor<InheritedFlags> c = InheritedFlags.class.getDeclaredConstructor(queryClass);
    c.setAccessible(true);
    return c.newInstance(q.newInstance(jdbc));
  }

  /** A cross-tenant deployment over the MSP (minus excluded tenants): count and first page. */
  private static void resolve(
      JdbcClient jdbc, InheritedFlags flags, UUID msp, Map<String, String> f) {
    DeploymentTarget instance = new DeploymentTarget.CrossTenant(null);
    DeploymentTarget ofMsp = new DeploymentTarget.CrossTenant(msp);
    int n = 20;
    long[] a = new long[n];
    long[] b = new long[n];
    long total = 0;
    boolean estimated = false;
    if (EXPLAIN) {
      explainResolution(jdbc, flags, instance, null);
      explainResolution(jdbc, flags, ofMsp, msp);
    }
    for (int i = -3; i < n; i++) { // three warm-up rounds
      long t0 = System.nanoTime();
      Set<UUID> excluded = flags.tenantsWhereTrue(ComputerDeployments.EXCLUDE_PREFERENCE);
      Page<DeploymentResolution.Reached> p =
          DeploymentResolution.page(jdbc, instance, null, excluded, SqlPredicate.TRUE, 0, 50);
      long t1 = System.nanoTime();
      excluded = flags.tenantsWhereTrue(ComputerDeployments.EXCLUDE_PREFERENCE);
      DeploymentResolution.page(jdbc, ofMsp, msp, excluded, SqlPredicate.TRUE, 0, 50);
      long t2 = System.nanoTime();
      if (i >= 0) {
        a[i] = t1 - t0;
        b[i] = t2 - t1;
      }
      total = p.total();
      estimated = p.totalEstimated();
      if (p.items().size() != 50) {
        throw new IllegalStateException("first page has " + p.items().size());
      }
    }
    long excludedTenants = flags.tenantsWhereTrue(ComputerDeployments.EXCLUDE_PREFERENCE).size();
    f.put("deployment_resolve_excluded_tenants", "" + excludedTenants);
    f.put("deployment_resolve_estimated", "" + estimated);
    if (Math.abs(total - (COMPUTERS - excludedTenants * (COMPUTERS / TENANTS)))
        > (estimated ? COMPUTERS / 10 : 0)) {
      throw new IllegalStateException("resolved " + total + " computers");
    }
    f.put("deployment_resolve_ms", String.format("%.1f", p95(a) / 1e6));
    f.put("deployment_resolve_median_ms", String.format("%.1f", median(a) / 1e6));
    f.put("deployment_resolve_msp_ms", String.format("%.1f", p95(b) / 1e6));
    f.put("deployment_resolve_total", "" + total);
  }

  /**
   * Prints the plans of the page and of the count's estimate ({@code bench.deployments.explain}).
   */
  private static void explainResolution(
      JdbcClient jdbc, InheritedFlags flags, DeploymentTarget target, UUID owner) {
    Set<UUID> excluded = flags.tenantsWhereTrue(ComputerDeployments.EXCLUDE_PREFERENCE);
    SqlPredicate where = DeploymentResolution.where(target, owner, excluded, SqlPredicate.TRUE);
    for (String sql :
        List.of(
            DeploymentResolution.PAGE + where.sql() + DeploymentResolution.ORDER,
            "select 1 from computer c where " + where.sql())) {
      System.out.println(
          String.join(
              "\n",
              jdbc.sql("explain (analyze, buffers) " + sql)
                  .params(where.params())
                  .param("limit", 50)
                  .param("offset", 0L)
                  .query(String.class)
                  .list()));
    }
  }

  /** One computer's applicable deployments (winners after precedence), random computers. */
  private static void perComputer(JdbcClient jdbc, InheritedFlags flags, Map<String, String> f) {
    ComputerDeployments cd = new ComputerDeployments(jdbc, flags);
    List<UUID> sample =
        jdbc.sql("select id from computer order by random() limit 2000").query(UUID.class).list();
    List<UUID> targeted =
        jdbc.sql(
                "select target_computer_id from deployment where target_computer_id is not null"
                    + " order by random() limit 500")
            .query(UUID.class)
            .list();
    List<UUID> all = new ArrayList<>(sample);
    all.addAll(targeted);
    java.util.Collections.shuffle(all, new Random(5));
    for (int i = 0; i < 200; i++) {
      cd.forComputer(all.get(i));
    }
    long[] t = new long[all.size() - 200];
    long winners = 0;
    for (int i = 200; i < all.size(); i++) {
      long t0 = System.nanoTime();
      winners += cd.forComputer(all.get(i)).size();
      t[i - 200] = System.nanoTime() - t0;
    }
    f.put("computer_deployments_p95_ms", String.format("%.2f", p95(t) / 1e6));
    // the batch form a schedule firing uses: 1,000 computers of consecutive ids (as a firing's
    // batches take them), winners resolved in one statement
    List<UUID> ordered =
        jdbc.sql("select id from computer order by id limit 5000").query(UUID.class).list();
    long[] b = new long[5];
    long batchWinners = 0;
    for (int i = -1; i < 5; i++) {
      List<UUID> batch = ordered.subList(Math.max(0, i) * 1000, Math.max(0, i) * 1000 + 1000);
      long t0 = System.nanoTime();
      Map<UUID, List<dev.tenantry.deployments.AppliedDeployment>> w = cd.forComputers(batch);
      if (i >= 0) {
        b[i] = System.nanoTime() - t0;
        batchWinners += w.values().stream().mapToInt(List::size).sum();
      }
    }
    f.put("computer_deployments_batch_1000_ms", String.format("%.1f", median(b) / 1e6));
    f.put(
        "computer_deployments_batch_per_computer_ms",
        String.format("%.3f", median(b) / 1e6 / 1000));
    f.put("computer_deployments_batch_mean_winners", String.format("%.1f", batchWinners / 5000.0));
    if (EXPLAIN) {
      UUID one = all.get(0);
      System.out.println(
          String.join(
              "\n",
              jdbc.sql("explain (analyze, buffers) " + ComputerDeployments.WINNERS)
                  .param("ids", new UUID[] {one})
                  .param("key", ComputerDeployments.EXCLUDE_PREFERENCE)
                  .param("fallback", false)
                  .query(String.class)
                  .list()));
    }
    f.put("computer_deployments_median_ms", String.format("%.2f", median(t) / 1e6));
    f.put("computer_deployments_mean_winners", String.format("%.1f", (double) winners / t.length));
  }

  private static double p95(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(0.95 * s.length) - 1];
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void write(Map<String, String> f) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "### Deployments (issue 12), written by the deployments benchmark on " + Instant.now());
    lines.add("");
    lines.add(
        "Command: `./tenantry mvn -B -P bench verify -Dbench.args=-Dbench.deployments=true` (add `-Dbench.deployments.scale=0.1` for a tenth of the size while iterating — not written here — and `-Dbench.deployments.explain=true` to print the plans). 10,000 tenants in a tree 1–5 levels below the MSP (client i under client i/10), 1,000,000 computers, 50,000 deployments (90% computer, 8% tenant, 1% person, 0.6% tag, 0.4% cross-tenant targets), 50 tenants (110 with their subtrees) excluded from cross-tenant deployments, bulk-loaded with SQL into a throw-away embedded PostgreSQL (no fsync), queried through a pool of 2 connections. `deployment_resolve_ms`: p95 of the count (an estimate beyond 10,000, `deployment_resolve_estimated`) and the first page (50 by name) of an instance-wide cross-tenant deployment, excluded tenants resolved with inheritance each time (target ≤ 500 ms); `computer_deployments_p95_ms`: one computer's applicable deployments after precedence (`forComputer`), random computers (target ≤ 20 ms); `computer_deployments_batch_1000_ms`: median of `forComputers` over 1,000 consecutive computer ids (≈ 1,000 different tenants, as a cross-tenant firing's batch). Load average (1/5/15 min, running/total, last pid) before and after: `load_before`, `load_after` — the machine is shared with other builds.");
    lines.add("");
    BenchDoc.writeSection("deployments-bench", lines, f);
  }
}
