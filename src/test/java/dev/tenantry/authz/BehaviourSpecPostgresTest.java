package dev.tenantry.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenantry.authz.engine.BehaviourSpec;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.SpecRunner;
import dev.tenantry.authz.internal.BuiltInRoleSync;
import dev.tenantry.authz.internal.SnapshotLoader;
import dev.tenantry.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's behaviour spec against a snapshot built by {@link SnapshotLoader} from PostgreSQL
 * rows: the model is written into a fresh database migrated by Flyway (so no other test's rows
 * interfere), then loaded and checked.
 */
class BehaviourSpecPostgresTest extends IntegrationTest {
  @Autowired DataSource app;

  @Test
  void snapshotLoadedFromPostgresMeetsEveryExpectation() throws Exception {
    BehaviourSpec spec = BehaviourSpec.load();
    HikariDataSource main = app.unwrap(HikariDataSource.class);
    String db = "spec_" + Long.toHexString(System.nanoTime());
    try (Connection admin = main.getConnection();
        Statement s = admin.createStatement()) {
      s.execute("create database " + db);
    }
    String url = main.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + db + "$1");
    Flyway.configure().dataSource(url, main.getUsername(), main.getPassword()).load().migrate();
    try (Connection c = DriverManager.getConnection(url, main.getUsername(), main.getPassword())) {
      BuiltInRoleSync.sync(c);
      SpecRows.insert(c, spec.model());
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      PolicySnapshot snapshot = SnapshotLoader.loadAll(c, 1);
      c.commit();

      assertThat(snapshot.tenants()).hasSize(spec.model().tenants().size());
      assertThat(SpecRunner.failures(spec, snapshot)).isEmpty();
    }
  }
}
