package dev.tenantry.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Development only: when {@code tenantry.db.url} is blank, a real PostgreSQL 17 started from Maven
 * artifacts (zonky), its data kept under {@code tenantry.db.embedded.dir} (default {@code
 * ./data/pg}) across restarts and stopped on shutdown. Not compiled into the production build (see
 * the {@code production} profile of pom.xml), which therefore needs an external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnExpression("'${tenantry.db.url:}'.isBlank()")
class EmbeddedDatabase {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  @Bean(destroyMethod = "close")
  Running embeddedPostgres(
      @Value("${tenantry.db.embedded.dir:data/pg}") String dir,
      @Value("${tenantry.db.embedded.clean:false}") boolean clean)
      throws IOException {
    Path dataDir = Path.of(dir).toAbsolutePath();
    Files.createDirectories(dataDir.getParent());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(clean)
            .setServerConfig("max_connections", "100")
            .start();
    log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
    return new Running(pg);
  }

  /** Holds the embedded server so that the context stops it cleanly. */
  static final class Running implements LocalDatabase, AutoCloseable {
    private final EmbeddedPostgres pg;

    Running(EmbeddedPostgres pg) {
      this.pg = pg;
    }

    @Override
    public String jdbcUrl() {
      return pg.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
      pg.close();
    }
  }
}
