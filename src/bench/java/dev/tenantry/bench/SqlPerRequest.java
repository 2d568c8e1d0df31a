package dev.tenantry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL statements per request, from {@code pg_stat_statements} (preloaded by the benchmark with
 * tracking off, so that the throughput scenarios do not pay for it): tracking is switched on, the
 * statistics reset, the request sent {@link #REQUESTS} times one after the other, and the
 * statements counted (BEGIN/COMMIT and the like apart), then tracking is switched off again.
 */
final class SqlPerRequest {
  static final int REQUESTS = 100;

  record Count(double statements, double transactionControl, List<String> top) {}

  private SqlPerRequest() {}

  static void preload(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder pg) {
    pg.setServerConfig("shared_preload_libraries", "pg_stat_statements");
  }

  /** Tracking off (a setting on the command line could not be changed by ALTER SYSTEM). */
  static void off(DataSource pg) throws InterruptedException {
    track(JdbcClient.create(pg), "none");
  }

  static Count measure(DataSource pg, String url, String header) throws Exception {
    JdbcClient db = JdbcClient.create(pg);
    db.sql("create extension if not exists pg_stat_statements").update();
    track(db, "top");
    try {
      HttpClient client = HttpClient.newHttpClient();
      int colon = header.indexOf(':');
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url))
              .header(header.substring(0, colon), header.substring(colon + 1).trim())
              .build();
      client.send(req, HttpResponse.BodyHandlers.discarding()); // the first may load caches
      db.sql("select pg_stat_statements_reset()").query().singleRow();
      for (int i = 0; i < REQUESTS; i++) {
        HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(url + " answered " + r.statusCode());
        }
      }
      String mine = "query not like '%pg_stat_statements%'";
      String control = "query ~* '^\\s*(begin|commit|rollback|set|show|savepoint|release)'";
      long all =
          db.sql("select coalesce(sum(calls), 0) from pg_stat_statements where " + mine)
              .query(Long.class)
              .single();
      long tx =
          db.sql(
                  "select coalesce(sum(calls), 0) from pg_stat_statements where "
                      + mine
                      + " and "
                      + control)
              .query(Long.class)
              .single();
      List<String> top =
          db.sql(
                  "select round(calls / "
                      + REQUESTS
                      + ".0, 2) || ' × ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
                      + " from pg_stat_statements where "
                      + mine
                      + " order by calls desc")
              .query(String.class)
              .list();
      return new Count(
          (all - tx) / (double) REQUESTS,
          tx / (double) REQUESTS,
          top.subList(0, Math.min(20, top.size())));
    } finally {
      track(db, "none");
    }
  }

  private static void track(JdbcClient db, String what) throws InterruptedException {
    db.sql("alter system set pg_stat_statements.track = '" + what + "'").update();
    db.sql("select pg_reload_conf()").query().singleRow();
    Thread.sleep(300); // every backend reads the configuration before its next statement
  }
}
