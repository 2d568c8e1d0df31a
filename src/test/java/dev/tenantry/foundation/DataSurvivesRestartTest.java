package dev.tenantry.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.TenantryApplication;
import dev.tenantry.support.TestOidc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default keeps its data directory across restarts and stops PostgreSQL cleanly. */
class DataSurvivesRestartTest {
  @TempDir Path dir;

  @Test
  void dataSurvivesARestartOfTheService() {
    Path pg = dir.resolve("pg");
    String name = "Survivor " + UUID.randomUUID();
    UUID msp;
    try (ConfigurableApplicationContext app = start(pg)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      msp =
          jdbc.sql("select id from tenant where kind = 'MSP'").query(UUID.class).list().getFirst();
      jdbc.sql("insert into tenant (id, name, slug, kind, msp_id) values (?, ?, ?, 'CLIENT', ?)")
          .params(UUID.randomUUID(), name, "survivor-" + UUID.randomUUID(), msp)
          .update();
    }
    assertThat(Files.exists(pg.resolve("postmaster.pid")))
        .as("PostgreSQL stopped cleanly")
        .isFalse();
    try (ConfigurableApplicationContext app = start(pg)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select count(*) from tenant where name = ?")
                  .param(name)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(
              jdbc.sql("select count(*) from tenant where kind = 'MSP'").query(Long.class).single())
          .as("the first-start MSP tenant is created once")
          .isEqualTo(1);
      assertThat(jdbc.sql("select id from tenant where kind = 'MSP'").query(UUID.class).single())
          .isEqualTo(msp);
    }
  }

  private static ConfigurableApplicationContext start(Path pg) {
    return new SpringApplicationBuilder(TenantryApplication.class)
        .profiles("test")
        .run( // command-line arguments outrank the test profile's clean, throw-away database
            "--server.port=0",
            "--tenantry.db.embedded.dir=" + pg,
            "--tenantry.db.embedded.clean=false",
            "--tenantry.oidc.issuer=" + TestOidc.issuer(),
            "--tenantry.oidc.jwks-uri=" + TestOidc.jwksUri());
  }
}
