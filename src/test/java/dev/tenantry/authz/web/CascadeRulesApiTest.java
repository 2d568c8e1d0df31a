package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static dev.tenantry.support.TestUsers.Grant.deny;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.access.AccessWriteLock;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN §3.6g for cascades: a deletion that removes role assignments on the way (a computer's
 * RESOURCE assignments) is judged like removing each of them and lists them in its audit event;
 * deleting a tag is refused while assignments use it, also against a concurrent assignment.
 */
class CascadeRulesApiTest extends AuthzTestBase {
  @Autowired DataSource dataSource;

  @Test
  void rule6gDeletingAComputerJudgesEveryAssignmentScopedToIt() {
    UUID t = users.clientTenant("cascade-pc");
    UUID pc = users.computer(t, ComputerType.SERVER);
    UUID adminRole =
        role(
            Permission.ROLE_ASSIGNMENTS_MANAGE,
            Permission.ROLE_ASSIGNMENTS_VIEW,
            Permission.COMPUTERS_VIEW,
            Permission.COMPUTERS_DELETE,
            Permission.ROLES_VIEW);
    TestUser tenantAdmin = users.user(t, allow(adminRole, Scope.tenant(t, true)));
    TestUser denied = users.user(t);
    UUID denyOnPc =
        users.assign(
            Principal.user(denied.id()),
            deny(
                BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
                Scope.resource(new ResourceSelector.OneComputer(pc))));

    // removing that DENY would grant System Administrator on the computer: not theirs to grant
    Http.Response refused = tenantAdmin.http().delete("/api/v1/computers/" + pc);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().path("detail").asString())
        .contains("Rule 6g")
        .contains(denyOnPc.toString());
    assertThat(count("select count(*) from computer where id = ?", pc)).isEqualTo(1);

    Http.Response deleted = signedIn().delete("/api/v1/computers/" + pc);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(count("select count(*) from role_assignment where id = ?", denyOnPc)).isZero();
    String audited =
        jdbc.sql(
                "select before_json::text from audit_event where action = 'computer.deleted'"
                    + " and target_id = ?")
            .param(pc.toString())
            .query(String.class)
            .single();
    assertThat(audited).contains("removedAssignments").contains(denyOnPc.toString());
  }

  /**
   * Deleting a tag cascades into the assignments scoped to it, so it is refused while any exists —
   * counted under the access-write lock: an assignment created concurrently (its transaction holds
   * the lock and has inserted the row) is counted once it commits, never silently cascaded away.
   */
  @Test
  void rule6gATagIsNotDeletedFromUnderAnAssignmentCreatedConcurrently() throws Exception {
    UUID tag = users.tag("cascade-tag");
    UUID viewer = role(Permission.TENANTS_VIEW);
    TestUser holder = users.user(users.clientTenant("cascade-tag"));
    Http admin = signedIn();
    UUID assignment = UUID.randomUUID();
    try (Connection writer = dataSource.getConnection()) {
      writer.setAutoCommit(false);
      int writerPid;
      try (PreparedStatement lock = writer.prepareStatement("select pg_advisory_xact_lock(?)")) {
        lock.setLong(1, AccessWriteLock.KEY);
        lock.executeQuery().close();
      }
      try (PreparedStatement insert =
          writer.prepareStatement(
              "insert into role_assignment (id, user_id, role_id, effect, scope_kind, scope_tag_id)"
                  + " values (?, ?, ?, 'ALLOW', 'TENANT_TAG', ?)")) {
        insert.setObject(1, assignment);
        insert.setObject(2, holder.id());
        insert.setObject(3, viewer);
        insert.setObject(4, tag);
        insert.executeUpdate();
      }
      try (ResultSet rs = writer.createStatement().executeQuery("select pg_backend_pid()")) {
        rs.next();
        writerPid = rs.getInt(1);
      }
      CompletableFuture<Http.Response> deletion =
          CompletableFuture.supplyAsync(() -> admin.delete("/api/v1/tags/" + tag));
      waitUntilBlockedBy(writerPid, deletion);
      writer.commit();
      Http.Response answer = deletion.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
      assertThat(answer.json().path("code").asString()).isEqualTo("not-empty");
    }
    assertThat(count("select count(*) from role_assignment where id = ?", assignment)).isEqualTo(1);
    assertThat(count("select count(*) from tag where id = ?", tag)).isEqualTo(1);
  }

  /**
   * Waits (without a time assertion) until another backend waits for a lock held by {@code pid}.
   */
  private void waitUntilBlockedBy(int pid, CompletableFuture<?> request) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (request.isDone()) {
        return; // answered without waiting: the assertions that follow say what happened
      }
      long blocked =
          jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
              .param(pid)
              .query(Long.class)
              .single();
      if (blocked > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the deletion never reached the database");
  }

  private long count(String sql, UUID id) {
    return jdbc.sql(sql).param(id).query(Long.class).single();
  }
}
