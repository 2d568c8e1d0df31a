package dev.tenantry.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code tenantry.db.url} (env {@code TENANTRY_DB_URL})
 * is set, else a real PostgreSQL 17 started from Maven artifacts, its data kept under {@code
 * tenantry.db.embedded.dir} (default {@code ./data/pg}) across restarts and stopped on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
  private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      @Value("${tenantry.db.url:}") String url,
      @Value("${tenantry.db.username:postgres}") String username,
      @Value("${tenantry.db.password:}") String password,
      @Value("${tenantry.db.pool-size:10}") int poolSize,
      EmbeddedDatabase embedded) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("tenantry");
    if (url.isBlank()) {
      config.setJdbcUrl(embedded.jdbcUrl());
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(url);
      config.setUsername(username);
      config.setPassword(password);
      log.info("Using external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
    }
    return new HikariDataSource(config);
  }

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(
      @Value("${tenantry.db.url:}") String url,
      @Value("${tenantry.db.embedded.dir:data/pg}") String dir,
      @Value("${tenantry.db.embedded.clean:false}") boolean clean,
      @Value("${tenantry.db.embedded.durable:true}") boolean durable)
      throws IOException {
    if (!url.isBlank()) {
      return EmbeddedDatabase.NONE;
    }
    Path dataDir = Path.of(dir).toAbsolutePath();
    Files.createDirectories(dataDir.getParent());
    EmbeddedPostgres pg = embedded(dataDir, clean, durable).start();
    log.info(
        "Embedded PostgreSQL started on port {} with data in {} ({})",
        pg.getPort(),
        dataDir,
        durable ? "durable" : "NOT durable: fsync and synchronous_commit off");
    return new EmbeddedDatabase(pg);
  }

  /**
   * The embedded server's configuration. The embedding library starts PostgreSQL with test settings
   * ({@code -F}, i.e. fsync off, and {@code synchronous_commit=off}): an acknowledged commit can be
   * lost on a crash and an OS crash can corrupt the cluster. Durable (the default, {@code
   * ./tenantry run}) turns fsync, synchronous_commit and full_page_writes back on ({@code -c}
   * options come after {@code -F} on the command line, so they win); tests choose the fast settings
   * explicitly ({@code tenantry.db.embedded.durable=false}).
   */
  static EmbeddedPostgres.Builder embedded(Path dataDir, boolean clean, boolean durable) {
    String on = durable ? "on" : "off";
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(clean)
        .setServerConfig("max_connections", "100")
        .setServerConfig("fsync", on)
        .setServerConfig("synchronous_commit", on)
        .setServerConfig("full_page_writes", on);
  }

  /** Holds the embedded server so that the context stops it cleanly. */
  static final class EmbeddedDatabase implements AutoCloseable {
    static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);
    private final EmbeddedPostgres pg;

    EmbeddedDatabase(EmbeddedPostgres pg) {
      this.pg = pg;
    }

    String jdbcUrl() {
      return pg.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
      if (pg != null) {
        pg.close();
      }
    }
  }
}
