package dev.tenantry.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.TenantryApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./tenantry bench http}: the service over HTTP on loopback, measured with {@code wrk}. The
 * full-size instance ({@link BenchData}: 10,000 tenants, 1,000,000 computers, 200,000 assignments)
 * is COPY'd into an embedded PostgreSQL, two callers are added ({@link BenchUsers}), the service
 * starts in this JVM against that database with a local OIDC provider of this class's own key, and
 * {@code wrk} (one thread, so that the server keeps most of the 2 cores) runs each scenario after a
 * warm-up. Figures go to the HTTP section of {@code docs/benchmarks.md}.
 */
public final class HttpBench {
  static final int SIZE = Integer.getInteger("bench.size", BenchData.FULL);
  static final int SECONDS = Integer.getInteger("bench.http.seconds", 10);
  static final String ISSUER_ID = BenchUsers.HOME + "/v2.0";

  /**
   * {@code -Dbench.http.keep=/some/dir}: PostgreSQL's data directory, kept after the run; a later
   * run with the same directory reuses the loaded instance (new migrations still apply). The size
   * is the first run's.
   */
  static final int LIST_ROUNDS = Integer.getInteger("bench.http.list-rounds", 3);

  static final String KEEP = System.getProperty("bench.http.keep", "");

  /**
   * {@code -Dbench.http.page-rounds=3}: the static file and the console page run alternately this
   * many times, best of each (for A/B comparisons on a shared machine; the figures of one round are
   * disturbed by whatever else runs then).
   */
  static final int PAGE_ROUNDS = Integer.getInteger("bench.http.page-rounds", 1);

  public static void main(String[] args) throws Exception {
    String loadBefore = Machine.load();
    long t0 = System.nanoTime();
    Map<String, String> f = new LinkedHashMap<>();
    Path work = Files.createTempDirectory("tenantry-http-bench");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setServerConfig("max_connections", "100");
    SqlPerRequest.preload(builder);
    System.getProperties().stringPropertyNames().stream() // -Dbench.http.pg.<setting>=<value>
        .filter(k -> k.startsWith("bench.http.pg."))
        .forEach(k -> builder.setServerConfig(k.substring(14), System.getProperty(k)));
    SqlPerRequest.preload(builder);
    if (!KEEP.isBlank()) { // keep the loaded instance for the next run (minutes saved at full size)
      builder.setDataDirectory(Path.of(KEEP)).setCleanDataDirectory(false);
    }
    try (EmbeddedPostgres pg = builder.start()) {
      DataSource ds = pg.getPostgresDatabase();
      SqlPerRequest.off(ds);
      Flyway.configure().dataSource(ds).load().migrate();
      BenchUsers users =
          (KEEP.isBlank() ? java.util.Optional.<BenchUsers>empty() : BenchUsers.existing(ds))
              .orElseGet(
                  () -> {
                    try {
                      PgLoad.fill(ds, new BenchData(SIZE, 42, false));
                    } catch (java.sql.SQLException e) {
                      throw new IllegalStateException(e);
                    }
                    return BenchUsers.create(ds);
                  });
      RSAKey key = new RSAKeyGenerator(2048).generate();
      KeyProvider keys = new KeyProvider(List.of(key), "RS256");
      RSAKey signing = (RSAKey) keys.signingKey(ISSUER_ID);
      MockOAuth2Server oidc =
          new MockOAuth2Server(
              new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
      oidc.start(InetAddress.getLoopbackAddress(), 0);
      String authority = oidc.baseUrl().toString().replaceAll("/$", "");
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("server.port", 0);
      props.put("spring.main.banner-mode", "off");
      props.put("spring.flyway.validate-on-migrate", false); // migrated above, before the COPY
      props.put("logging.level.root", "WARN");
      props.put("tenantry.rate-limit.enabled", false); // the service is measured, not the limiter
      props.put("tenantry.db.url", pg.getJdbcUrl("postgres", "postgres"));
      props.put("tenantry.oidc.local-provider.enabled", false);
      props.put("tenantry.rate-limit.per-identity", 1_000_000_000); // limiter runs, never refuses
      props.put("tenantry.rate-limit.per-ip", 1_000_000_000);
      props.put("tenantry.oidc.authority", authority);
      props.put("tenantry.oidc.home-tenant-id", BenchUsers.HOME.toString());
      props.put("tenantry.oidc.jwks-uri", oidc.jwksUrl(ISSUER_ID).toString());
      props.put(
          "tenantry.oidc.authorization-uri", oidc.authorizationEndpointUrl(ISSUER_ID).toString());
      props.put("tenantry.oidc.token-uri", oidc.tokenEndpointUrl(ISSUER_ID).toString());
      long s0 = System.nanoTime();
      try (ConfigurableApplicationContext app =
          new SpringApplicationBuilder(TenantryApplication.class)
              .run(
                  props.entrySet().stream()
                      .map(e -> "--" + e.getKey() + "=" + e.getValue())
                      .toArray(String[]::new))) {
        f.put("http_start_s", String.valueOf((System.nanoTime() - s0) / 1_000_000_000));
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        String admin = token(signing, users.adminOid(), "admin@bench.example", authority);
        String tech = token(signing, users.techOid(), "tech@bench.example", authority);
        String session = signIn(oidc, base, users);
        try {
          scenarios(f, new Wrk(base, work, new ServiceCpu(ds)), admin, tech, session, users);
          if (Wrk.ONLY.isEmpty() || Wrk.ONLY.contains("page")) {
            pageSql(f, ds, base, session);
          }
        } catch (RuntimeException e) { // say why the service refused, from its audit trail
          org.springframework.jdbc.core.simple.JdbcClient.create(ds)
              .sql("select action, after_json from audit_event order by seq desc limit 3")
              .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
              .list()
              .forEach(System.out::println);
          throw e;
        }
        if (Wrk.ONLY.isEmpty() || Wrk.ONLY.contains("profile")) {
          ProfileBench.measure(base, session, admin, f);
        }
        f.put("http_tech_visible_tenants", String.valueOf(users.visibleToTech()));
        f.put("http_computers", String.valueOf(users.computers()));
      } finally {
        oidc.shutdown();
      }
    }
    String loadAfter = Machine.load();
    f.forEach((k, v) -> System.out.println(k + "=" + v));
    if (!Wrk.ONLY.isEmpty()) {
      System.out.println("bench.http.only=" + Wrk.ONLY + ": nothing written to docs/benchmarks.md");
      System.exit(0);
    }
    HttpReport.write(
        Path.of("docs/benchmarks.md"),
        f,
        loadBefore,
        loadAfter,
        (System.nanoTime() - t0) / 60_000_000_000L);
    System.exit(0); // the in-process service's non-daemon threads must not keep the run alive
  }

  private static void scenarios(
      Map<String, String> f, Wrk wrk, String admin, String tech, String session, BenchUsers users)
      throws Exception {
    String bearerAdmin = "Authorization: Bearer " + admin;
    String bearerTech = "Authorization: Bearer " + tech;
    String check =
        "{\"userId\":\""
            + users.techId()
            + "\",\"permission\":\"computers:view\",\"target\":{\"type\":\"TENANT\",\"id\":\""
            + users.someTenant()
            + "\"}}";
    wrk.run("warmup", "POST", "/api/v1/access/check", bearerAdmin, check, 32, SECONDS);
    // The static file and the console page take their own code paths (resource handler;
    // Thymeleaf, the session check): warmed up like the API above, so that each is measured
    // compiled, not while the JIT is still at work on it (their first 10 s took up to 3 times the
    // CPU per request of the next, at 10,000 assignments).
    int warm = SECONDS;
    wrk.run("warmup-static", "GET", "/css/console.css", null, null, 32, warm);
    wrk.run("warmup-page", "GET", "/", "Cookie: SESSION=" + session, null, 32, warm);
    Wrk.Result stat = wrk.run("static", "GET", "/css/console.css", null, null, 32, SECONDS);
    var noop = wrk.run("noop", "GET", "/api/v1/auth/ping", bearerAdmin, null, 32, SECONDS);
    var chk = wrk.run("check", "POST", "/api/v1/access/check", bearerAdmin, check, 32, SECONDS);
    var get =
        wrk.run(
            "get", "GET", "/api/v1/tenants/" + users.someTenant(), bearerTech, null, 32, SECONDS);
    Wrk.Result page = wrk.run("page", "GET", "/", "Cookie: SESSION=" + session, null, 32, SECONDS);
    for (int round = 1; round < PAGE_ROUNDS; round++) {
      stat = Wrk.best(stat, wrk.run("static", "GET", "/css/console.css", null, null, 32, SECONDS));
      page =
          Wrk.best(
              page, wrk.run("page", "GET", "/", "Cookie: SESSION=" + session, null, 32, SECONDS));
    }
    f.put("http_static_rps", fmt(stat.rps()));
    f.put("http_noop_rps", fmt(noop.rps()));
    f.put("http_noop_ratio", ratio(noop.rps(), stat.rps()));
    f.put("http_check_rps", fmt(chk.rps()));
    f.put("http_check_ratio", ratio(chk.rps(), stat.rps()));
    f.put("http_check_noop_ratio", ratio(chk.rps(), noop.rps())); // authorization's own cost
    f.put("http_check_p50_ms", fmt(chk.p50()));
    f.put("http_check_p99_ms", fmt(chk.p99()));
    f.put("http_get_rps", fmt(get.rps()));
    f.put("http_get_ratio", ratio(get.rps(), stat.rps()));
    f.put("http_page_rps", fmt(page.rps()));
    f.put("http_page_ratio", ratio(page.rps(), stat.rps()));
    // service CPU (JVM + PostgreSQL) per request, and the static file's over it: what the
    // throughput ratio becomes on an idle, saturated machine
    f.put("http_static_cpu_us", fmt(stat.cpuMs() * 1000));
    f.put("http_noop_cpu_us", fmt(noop.cpuMs() * 1000));
    f.put("http_check_cpu_us", fmt(chk.cpuMs() * 1000));
    f.put("http_get_cpu_us", fmt(get.cpuMs() * 1000));
    f.put("http_page_cpu_us", fmt(page.cpuMs() * 1000));
    f.put("http_check_cpu_ratio", ratio(stat.cpuMs(), chk.cpuMs()));
    f.put("http_get_cpu_ratio", ratio(stat.cpuMs(), get.cpuMs()));
    f.put("http_page_cpu_ratio", ratio(stat.cpuMs(), page.cpuMs()));
    // bytes allocated per request (all JVM threads): the collector's share of the CPU figures
    f.put("http_static_alloc_kib", fmt(stat.allocKib()));
    f.put("http_page_alloc_kib", fmt(page.allocKib()));
    int listSeconds = Math.max(5, SECONDS / 2);
    String list = "/api/v1/computers?size=50";
    wrk.run("warmup-list", "GET", list, bearerTech, null, 1, 3);
    wrk.run("warmup-list-admin", "GET", list, bearerAdmin, null, 1, 3); // both paths compiled
    // Interleaved rounds, best of each: load from other processes and late JIT work hit both
    // callers alike instead of whichever runs first (http_list_filter_ratio compares the two).
    Wrk.Result techList = null;
    Wrk.Result adminList = null;
    for (int round = 0; round < LIST_ROUNDS; round++) {
      techList =
          Wrk.best(techList, wrk.run("list-tech", "GET", list, bearerTech, null, 1, listSeconds));
      adminList =
          Wrk.best(
              adminList, wrk.run("list-admin", "GET", list, bearerAdmin, null, 1, listSeconds));
    }
    var search = wrk.run("search-tech", "GET", list + "&q=pc-#", bearerTech, null, 1, listSeconds);
    var searchAdmin =
        wrk.run("search-admin", "GET", list + "&q=pc-#", bearerAdmin, null, 1, listSeconds);
    var tenants = wrk.run("tenants-tech", "GET", "/api/v1/tenants?size=50", bearerTech, null, 1, 5);
    var people = wrk.run("people-tech", "GET", "/api/v1/people?size=50", bearerTech, null, 1, 5);
    f.put("http_list_p95_ms", fmt(techList.p95()));
    f.put("http_list_owner_p95_ms", fmt(adminList.p95()));
    f.put("http_list_filter_ratio", ratio(techList.p95(), adminList.p95()));
    f.put("http_list_p50_ms", fmt(techList.p50()));
    f.put("http_list_owner_p50_ms", fmt(adminList.p50()));
    f.put("http_list_cpu_ms", fmt(techList.requestCpuMs())); // request threads + PostgreSQL
    f.put("http_list_owner_cpu_ms", fmt(adminList.requestCpuMs()));
    f.put("http_list_cpu_ratio", ratio(techList.requestCpuMs(), adminList.requestCpuMs()));
    f.put("http_search_p95_ms", fmt(search.p95()));
    f.put("http_search_owner_p95_ms", fmt(searchAdmin.p95()));
    f.put("http_tenant_list_p95_ms", fmt(tenants.p95()));
    f.put("http_people_list_p95_ms", fmt(people.p95()));
    f.put("http_non2xx", String.valueOf(wrk.non2xx()));
  }

  /** {@code http_page_sql}: SQL statements per console page (transaction control apart). */
  private static void pageSql(Map<String, String> f, DataSource ds, String base, String session)
      throws Exception {
    var count = SqlPerRequest.measure(ds, base + "/", "Cookie: SESSION=" + session);
    f.put("http_page_sql", fmt(count.statements()));
    f.put("http_page_sql_tx_control", fmt(count.transactionControl()));
    System.out.println("SQL per page (calls per request × statement):");
    count.top().forEach(q -> System.out.println("  " + q));
  }

  static String fmt(double v) {
    return v >= 100 ? String.valueOf(Math.round(v)) : String.format("%.2f", v);
  }

  static String ratio(double a, double b) {
    return String.format("%.2f", a / b);
  }

  private static String token(RSAKey key, UUID oid, String username, String authority)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(authority + "/" + BenchUsers.HOME + "/v2.0")
            .audience("tenantry")
            .subject("s-" + oid)
            .claim("tid", BenchUsers.HOME.toString())
            .claim("oid", oid.toString())
            .claim("preferred_username", username)
            .claim("name", username)
            .claim("ver", "2.0")
            .claim("scp", "access_as_user")
            .claim("azp", "22222222-2222-4222-8222-222222222222")
            .issueTime(Date.from(Instant.ofEpochSecond(now)))
            .notBeforeTime(Date.from(Instant.ofEpochSecond(now)))
            .expirationTime(Date.from(Instant.ofEpochSecond(now + 7200)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  /** Browser sign-in of the administrator (code flow, non-interactive provider): the session id. */
  private static String signIn(MockOAuth2Server oidc, String base, BenchUsers users)
      throws Exception {
    oidc.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID,
            "s-" + users.adminOid(),
            "JWT",
            List.of("tenantry"),
            Map.of(
                "tid",
                BenchUsers.HOME.toString(),
                "oid",
                users.adminOid().toString(),
                "ver",
                "2.0",
                "preferred_username",
                "admin@bench.example",
                "name",
                "Bench Admin"),
            7200));
    CookieManager cookies = new CookieManager();
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sign-in ended with " + r.statusCode() + ": " + r.body());
    }
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no SESSION cookie after sign-in"));
  }
}
