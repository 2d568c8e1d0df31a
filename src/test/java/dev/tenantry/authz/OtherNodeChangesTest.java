package dev.tenantry.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenantry.authz.internal.ScopeColumns;
import dev.tenantry.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes committed by another node (here: a plain JDBC connection outside the application) reach
 * this node through LISTEN/NOTIFY or the one-second poll; a transaction that commits late is not
 * missed by the watermark.
 */
class OtherNodeChangesTest extends AuthzTestBase {
  @Autowired DataSource app;

  @Test
  void changeCommittedElsewhereBecomesVisibleAfterNotify() throws Exception {
    UUID t = users.clientTenant("other-node");
    TestUser u = users.user(t);
    UUID role = role(Permission.COMPUTERS_VIEW);
    try (Connection c = otherNode()) {
      insertAssignment(c, u.id(), role, t);
    }
    awaitDecision(u, t, "ALLOW");
  }

  @Test
  void transactionCommittingLateIsNotMissed() throws Exception {
    UUID t = users.clientTenant("late");
    TestUser u = users.user(t);
    UUID role = role(Permission.COMPUTERS_VIEW);
    try (Connection late = otherNode()) {
      late.setAutoCommit(false);
      insertAssignment(
          late, u.id(), role, t); // holds an xid below later snapshots' xmin until it commits
      UUID other =
          users.clientTenant("meanwhile"); // later transactions commit and are caught up first
      TestUser v = viewerOf(other);
      assertThat(decision(v, Permission.COMPUTERS_VIEW, "TENANT", other)).isEqualTo("ALLOW");
      assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("DENY");
      late.commit();
    }
    awaitDecision(u, t, "ALLOW");
  }

  private void awaitDecision(TestUser u, UUID t, String expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> decision(u, Permission.COMPUTERS_VIEW, "TENANT", t).equals(expected));
  }

  private Connection otherNode() throws Exception {
    HikariDataSource main = app.unwrap(HikariDataSource.class);
    return DriverManager.getConnection(main.getJdbcUrl(), main.getUsername(), main.getPassword());
  }

  private static void insertAssignment(Connection c, UUID user, UUID role, UUID tenant)
      throws Exception {
    ScopeColumns s = ScopeColumns.of(Scope.tenant(tenant, false));
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into role_assignment (id, user_id, role_id, effect,"
                + " scope_kind, scope_tenant_id) values (?, ?, ?, 'ALLOW', ?, ?)")) {
      ps.setObject(1, UUID.randomUUID());
      ps.setObject(2, user);
      ps.setObject(3, role);
      ps.setString(4, s.scopeKind());
      ps.setObject(5, s.scopeTenantId());
      ps.executeUpdate();
    }
  }
}
