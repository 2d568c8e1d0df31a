package dev.tenantry.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.TenantryApplication;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.audit.ChainVerification;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.SystemPostgres;
import dev.tenantry.support.TestOidc;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/backup.md, tested: a populated database dumped with {@code pg_dump -Fc} and restored with
 * {@code pg_restore} (the server's own version of both) into a fresh database serves the same
 * decisions, for every user, permission and tenant or computer, to a new instance started on it;
 * and its audit chain verifies there and goes on verifying after a new change.
 */
class BackupRestoreTest {

  @Test
  void aRestoredDumpServesTheSameDecisionsAndItsAuditChainVerifies() throws Exception {
    try (SystemPostgres pg = SystemPostgres.start()) {
      createDatabase(pg, "source");
      List<String> before;
      long eventsBefore;
      try (ConfigurableApplicationContext app = instance(pg.jdbcUrl("source"))) {
        populate(app);
        before = decisions(app);
        eventsBefore = app.getBean(AuditLog.class).verify().eventsChecked();
        assertThat(app.getBean(AuditLog.class).verify().valid()).isTrue();
      }
      Path dump = Files.createTempFile("tenantry-", ".dump");
      try {
        pg.client("pg_dump", "-Fc", "-d", "source", "-f", dump.toString());
        createDatabase(pg, "restored");
        pg.client("pg_restore", "--exit-on-error", "--no-owner", "-d", "restored", dump.toString());
      } finally {
        Files.deleteIfExists(dump);
      }
      try (ConfigurableApplicationContext app = instance(pg.jdbcUrl("restored"))) {
        assertThat(decisions(app)).as("the same decisions").isEqualTo(before);
        ChainVerification chain = app.getBean(AuditLog.class).verify();
        assertThat(chain.valid()).as(chain.toString()).isTrue();
        assertThat(chain.eventsChecked()).isEqualTo(eventsBefore);
        TestUsers users = app.getBean(TestUsers.class);
        var admin = users.mspAdmin();
        var created = admin.http().post("/api/v1/tenants", Map.of("name", "After restore"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(app.getBean(AuditLog.class).verify().valid()).as("the chain goes on").isTrue();
      }
    }
  }

  /** Access of several shapes, written partly through the API (audited) and partly as rows. */
  private static void populate(ConfigurableApplicationContext app) {
    TestUsers users = app.getBean(TestUsers.class);
    var admin = users.mspAdmin();
    var created = admin.http().post("/api/v1/tenants", Map.of("name", "Backup Client"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    UUID client = UUID.fromString(created.json().path("id").asString());
    UUID child = users.tenant("Backup Child", client, false);
    UUID tag = users.tag("backup-vip");
    users.tagTenant(child, tag);
    users.computer(client, ComputerType.SERVER);
    users.computer(child, ComputerType.WORKSTATION, tag);
    users.user(
        client,
        Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(client, true)),
        Grant.deny(BuiltInRoles.USER_LEGACY.id(), Scope.tenant(child, false)));
    users.user(child, Grant.allow(BuiltInRoles.SYSTEM_USER_LEGACY.id(), Scope.tenantTag(tag)));
    users.user(
        client,
        Grant.allow(
            BuiltInRoles.USER_LEGACY.id(),
            Scope.resource(
                new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), client))));
    users.user(child, Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.usersTenant()));
  }

  /** Every user × permission × (system, each tenant, each computer), as sorted lines. */
  private static List<String> decisions(ConfigurableApplicationContext app) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    Authorizer authorizer = app.getBean(Authorizer.class);
    List<UUID> users = jdbc.sql("select id from app_user order by id").query(UUID.class).list();
    List<Target> targets = new ArrayList<>();
    targets.add(Target.system());
    jdbc.sql("select id from tenant order by id").query(UUID.class).list().stream()
        .map(Target::tenant)
        .forEach(targets::add);
    jdbc.sql("select id from computer order by id").query(UUID.class).list().stream()
        .map(Target::computer)
        .forEach(targets::add);
    assertThat(users).hasSizeGreaterThanOrEqualTo(5);
    List<String> lines = new ArrayList<>();
    long allowed = 0;
    for (UUID u : users) {
      for (Permission p : Permission.values()) {
        for (Target t : targets) {
          var d = authorizer.check(u, p, t);
          allowed += d.allowed() ? 1 : 0;
          lines.add(u + " " + p.key() + " " + t + " " + d.allowed() + " " + d.rule());
        }
      }
    }
    assertThat(allowed).as("some allowed").isPositive();
    assertThat(allowed).as("some denied").isLessThan(lines.size());
    return lines;
  }

  private static ConfigurableApplicationContext instance(String jdbcUrl) {
    return new SpringApplicationBuilder(TenantryApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--tenantry.db.url=" + jdbcUrl,
            "--tenantry.db.username=postgres",
            "--tenantry.db.pool-size=4",
            "--tenantry.oidc.authority=" + TestOidc.authority(),
            "--tenantry.oidc.home-tenant-id=" + IntegrationTest.HOME_TID,
            "--tenantry.oidc.jwks-uri=" + TestOidc.jwksUri(),
            "--tenantry.oidc.authorization-uri="
                + TestOidc.server().authorizationEndpointUrl(TestOidc.HOME_ISSUER_ID),
            "--tenantry.oidc.token-uri="
                + TestOidc.server().tokenEndpointUrl(TestOidc.HOME_ISSUER_ID));
  }

  private static void createDatabase(SystemPostgres pg, String name) throws Exception {
    try (var c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "")) {
      c.createStatement().execute("create database " + name);
    }
  }
}
