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
      @Value("${tenantry.db.embedded.clean:false}") boolean clean)
      throws IOException {
    if (!url.isBlank()) {
      return EmbeddedDatabase.NONE;
    }
    Path dataDir = Path.of(dir).toAbsolutePath();
    Files.createDirectories(dataDir.getParent());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(clean)
            .setServerConfig("max_connections", "100")
            .start();
    log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
    return new EmbeddedDatabase(pg);
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
