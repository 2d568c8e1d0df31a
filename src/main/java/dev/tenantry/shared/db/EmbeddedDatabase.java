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
      @Value("${tenantry.db.embedded.clean:false}") boolean clean,
      @Value("${tenantry.db.embedded.durable:true}") boolean durable)
      throws IOException {
    Path dataDir = Path.of(dir).toAbsolutePath();
    Files.createDirectories(dataDir.getParent());
    EmbeddedPostgres pg = embedded(dataDir, clean, durable).start();
    log.info(
        "Embedded PostgreSQL started on port {} with data in {} ({})",
        pg.getPort(),
        dataDir,
        durable ? "durable" : "NOT durable: fsync and synchronous_commit off");
    return new Running(pg);
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
