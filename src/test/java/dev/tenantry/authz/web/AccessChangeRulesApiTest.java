package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.identity.internal.RecoverAdmin;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN §3.6 e–j and §5 through the API: issue 8's cases 1 and 4–7. */
class AccessChangeRulesApiTest extends AuthzTestBase {
  @Autowired RecoverAdmin recoverAdmin;

  private UUID deleter() {
    return role(Permission.COMPUTERS_VIEW, Permission.COMPUTERS_DELETE);
  }

  private UUID tenantAdminRole() {
    return role(
        Permission.ROLE_ASSIGNMENTS_MANAGE,
        Permission.ROLE_ASSIGNMENTS_VIEW,
        Permission.USERS_VIEW,
        Permission.USERS_MANAGE,
        Permission.USERS_DELETE,
        Permission.COMPUTERS_VIEW,
        Permission.COMPUTERS_DELETE,
        Permission.ROLES_VIEW);
  }

  private static Map<String, Object> assignment(
      UUID user, UUID role, Map<String, Object> scope, Instant expiresAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("principal", Map.of("type", "USER", "id", user));
    body.put("roleId", role);
    body.put("scope", scope);
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt.toString());
    }
    return body;
  }

  /** Issue 8 case 1. */
  @Test
  void rule6eASelectorCoveringNothingYetIsJudgedByWhatItCanEverCover() {
    UUID contoso = users.clientTenant("contoso");
    UUID fabrikam = users.clientTenant("fabrikam");
    UUID vip = users.tag("vip");
    TestUser cadmin = users.user(contoso, allow(tenantAdminRole(), Scope.tenant(contoso, true)));
    TestUser carol = users.user(contoso);
    UUID deleter = deleter();
    var tag =
        cadmin
            .http()
            .post(
                "/api/v1/role-assignments",
                assignment(
                    carol.id(),
                    deleter,
                    Map.of(
                        "kind",
                        "RESOURCE",
                        "resource",
                        Map.of("kind", "COMPUTER_TAG", "tagId", vip)),
                    null));
    assertThat(tag.status()).as(tag.toString()).isEqualTo(403);
    assertThat(tag.json().path("detail").asString()).contains("Rule 6a").contains("reach");
    UUID fabPc = users.computer(fabrikam, ComputerType.WORKSTATION, vip);
    assertThat(decision(carol, Permission.COMPUTERS_DELETE, "COMPUTER", fabPc)).isEqualTo("DENY");
    // a type selector limited to contoso reaches contoso's future computers: cadmin holds them
    var dcs =
        cadmin
            .http()
            .post(
                "/api/v1/role-assignments",
                assignment(
                    carol.id(),
                    deleter,
                    Map.of(
                        "kind",
                        "RESOURCE",
                        "resource",
                        Map.of(
                            "kind",
                            "COMPUTER_TYPES",
                            "types",
                            List.of("DOMAIN_CONTROLLER"),
                            "tenantId",
                            contoso)),
                    null));
    assertThat(dcs.status()).as(dcs.toString()).isEqualTo(201);
  }

  @Test
  void rule6eATenantTagScopeLimitedToAnMspIsStoredServedAndReachesOnlyThatMsp() {
    UUID msp = users.mspTenant();
    UUID gold = users.tag("gold");
    UUID here = users.clientTenant("gold-here");
    users.tagTenant(here, gold);
    UUID mspAdminRole =
        role(
            Permission.ROLE_ASSIGNMENTS_MANAGE,
            Permission.ROLE_ASSIGNMENTS_VIEW,
            Permission.ROLES_ASSIGN_CROSS_TENANT,
            Permission.USERS_VIEW,
            Permission.ROLES_VIEW,
            Permission.COMPUTERS_VIEW);
    TestUser mspAdmin = users.user(msp, allow(mspAdminRole, Scope.msp(msp)));
    TestUser carol = users.user(here);
    UUID viewer = role(Permission.COMPUTERS_VIEW);
    var limited =
        mspAdmin
            .http()
            .post(
                "/api/v1/role-assignments",
                assignment(
                    carol.id(),
                    viewer,
                    Map.of("kind", "TENANT_TAG", "tagId", gold, "mspId", msp),
                    null));
    assertThat(limited.status()).as(limited.toString()).isEqualTo(201);
    assertThat(limited.json().path("scope").path("mspId").asString()).isEqualTo(msp.toString());
    assertThat(decision(carol, Permission.COMPUTERS_VIEW, "TENANT", here)).isEqualTo("ALLOW");
    var unlimited =
        mspAdmin
            .http()
            .post(
                "/api/v1/role-assignments",
                assignment(carol.id(), viewer, Map.of("kind", "TENANT_TAG", "tagId", gold), null));
    assertThat(unlimited.status()).as(unlimited.toString()).isEqualTo(403);
  }

  /** Issue 8 case 4: a temporary grant made permanent by its holder. */
  @Test
  void rule6fATemporaryGrantCannotBeMadePermanentByItsHolder() {
    UUID t = users.clientTenant("temp");
    UUID admin = tenantAdminRole();
    TestUser tina = users.user(t);
    TestUser boss = users.mspAdmin();
    Instant inOneHour = Instant.now().plus(1, ChronoUnit.HOURS);
    var temp =
        boss.http()
            .post(
                "/api/v1/role-assignments",
                assignment(tina.id(), admin, Map.of("kind", "TENANT", "tenantId", t), inOneHour));
    assertThat(temp.status()).as(temp.toString()).isEqualTo(201);
    var expiring =
        boss.http()
            .patch(
                "/api/v1/users/" + tina.id(),
                Map.of("accessExpiresAt", inOneHour.toString(), "version", 0));
    assertThat(expiring.status()).as(expiring.toString()).isEqualTo(200);
    var clear =
        tina.http()
            .patch("/api/v1/users/" + tina.id(), mapOf("accessExpiresAt", null, "version", 1));
    assertThat(clear.status()).as(clear.toString()).isEqualTo(403);
    assertThat(clear.json().path("detail").asString()).contains("Rule 6f");
    var again =
        tina.http()
            .post(
                "/api/v1/role-assignments",
                assignment(tina.id(), admin, Map.of("kind", "TENANT", "tenantId", t), null));
    assertThat(again.status()).isEqualTo(403);
    TestUser other = users.user(t);
    var forever =
        tina.http()
            .post(
                "/api/v1/role-assignments",
                assignment(other.id(), deleter(), Map.of("kind", "TENANT", "tenantId", t), null));
    assertThat(forever.status()).isEqualTo(403);
    assertThat(forever.json().path("detail").asString())
        .contains("Rule 6f")
        .contains("must expire by");
    var shorter = // within tina's own support: fine
        tina.http()
            .post(
                "/api/v1/role-assignments",
                assignment(
                    other.id(),
                    deleter(),
                    Map.of("kind", "TENANT", "tenantId", t),
                    Instant.now().plus(30, ChronoUnit.MINUTES)));
    assertThat(shorter.status()).as(shorter.toString()).isEqualTo(201);
  }

  /** Issue 8 case 6: removal by cascade. */
  @Test
  void rule6gATenantAdminCannotDisableOrDeleteASystemAdministratorOfTheirTenant() {
    UUID contoso = users.clientTenant("cascade");
    TestUser cadmin = users.user(contoso, allow(tenantAdminRole(), Scope.tenant(contoso, true)));
    TestUser sysadmin =
        users.user(contoso, allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.owner()));
    var disable =
        cadmin
            .http()
            .patch("/api/v1/users/" + sysadmin.id(), Map.of("enabled", false, "version", 0));
    assertThat(disable.status()).as(disable.toString()).isEqualTo(403);
    assertThat(disable.json().path("detail").asString()).contains("Rule 6g");
    assertThat(cadmin.http().delete("/api/v1/users/" + sysadmin.id()).status()).isEqualTo(403);
    // a plain user of the tenant: deleted, and the audit event lists the cascaded assignment
    TestUser plain = users.user(contoso, allow(deleter(), Scope.tenant(contoso, false)));
    assertThat(cadmin.http().delete("/api/v1/users/" + plain.id()).status()).isEqualTo(204);
    String before =
        jdbc.sql(
                "select before_json from audit_event where action = 'user.deleted' and target_id = ?")
            .param(plain.id().toString())
            .query(String.class)
            .single();
    assertThat(before).contains("removedAssignments").contains(contoso.toString());
  }

  /**
   * Issue 8 case 5: the last full administrator can neither be deleted, disabled, have its OWNER
   * assignment removed nor be denied; the recovery command refuses while one is active.
   */
  @Test
  void rule6hTheLastFullAdministratorCannotBeDeletedDisabledOrDeniedAndRecoveryRefusesMeanwhile() {
    TestUser last = users.mspAdmin();
    List<UUID> others = otherFullAdmins(last.id());
    users.write(
        () ->
            others.forEach(
                u ->
                    jdbc.sql("update app_user set enabled = false where id = ?")
                        .param(u)
                        .update()));
    try {
      UUID helperRole =
          role(
              Permission.USERS_VIEW,
              Permission.USERS_MANAGE,
              Permission.USERS_DELETE,
              Permission.ROLE_ASSIGNMENTS_MANAGE,
              Permission.ROLE_ASSIGNMENTS_VIEW,
              Permission.ROLES_VIEW,
              Permission.ROLES_ASSIGN_CROSS_TENANT);
      TestUser helper = users.user(users.mspTenant(), allow(helperRole, Scope.owner()));
      Http h = helper.http();
      var delete = h.delete("/api/v1/users/" + last.id());
      assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
      assertThat(delete.json().path("detail").asString())
          .contains("Rule 6h")
          .contains("recover-admin");
      assertThat(
              h.patch("/api/v1/users/" + last.id(), Map.of("enabled", false, "version", 0))
                  .status())
          .isEqualTo(409);
      assertThat(
              h.patch(
                      "/api/v1/users/" + last.id(),
                      Map.of(
                          "accessExpiresAt",
                          Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                          "version",
                          0))
                  .status())
          .isEqualTo(409);
      UUID owner =
          jdbc.sql("select id from role_assignment where user_id = ? and scope_kind = 'OWNER'")
              .param(last.id())
              .query(UUID.class)
              .single();
      assertThat(h.delete("/api/v1/role-assignments/" + owner).status()).isEqualTo(409);
      UUID viewer = role(Permission.USERS_VIEW);
      Map<String, Object> deny = assignment(last.id(), viewer, Map.of("kind", "OWNER"), null);
      deny.put("effect", "DENY");
      assertThat(h.post("/api/v1/role-assignments", deny).status()).isEqualTo(409);
      assertThat(last.http().delete("/api/v1/users/" + last.id()).status())
          .as("self")
          .isEqualTo(403);
      // recovery: refused while an active full administrator exists, unless forced
      UUID oid = UUID.randomUUID();
      try {
        recoverAdmin.recover(HOME_TID, oid, false);
        throw new AssertionError("recovery should be refused while an active full admin exists");
      } catch (RecoverAdmin.Refused expected) {
        assertThat(expected.getMessage()).contains(last.id().toString());
      }
      var recovered = recoverAdmin.recover(HOME_TID, oid, true);
      assertThat(recovered.createdUser()).isTrue();
      assertThat(
              jdbc.sql(
                      "select count(*) from role_assignment a join app_user u on u.id = a.user_id"
                          + " where u.id = ? and u.enabled and u.access_expires_at is null"
                          + " and a.scope_kind = 'OWNER' and a.effect = 'ALLOW' and a.role_id = ?")
                  .params(recovered.userId(), BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id())
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where action = 'admin.recovered' and target_id = ?")
                  .param(recovered.userId().toString())
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } finally {
      users.write(
          () ->
              others.forEach(
                  u ->
                      jdbc.sql("update app_user set enabled = true where id = ?")
                          .param(u)
                          .update()));
    }
  }

  /** Issue 8 case 7. */
  @Test
  void section5ASystemAdministratorCannotImpersonateAnother() {
    preference("impersonation.enabled", true);
    try {
      TestUser a = users.mspAdmin();
      TestUser b = users.mspAdmin();
      var r = a.http().post("/api/v1/users/" + b.id() + "/impersonate", Map.of("reason", "test"));
      assertThat(r.status()).as(r.toString()).isEqualTo(403);
      assertThat(r.json().path("detail").asString()).contains("may impersonate");
    } finally {
      preference("impersonation.enabled", false);
    }
  }

  /** Issue 8 case 7: 9 duplicate rows under concurrency before. */
  @Test
  void rule6jIdenticalAssignmentsAnswer409EvenWhenSentConcurrently() throws Exception {
    UUID t = users.clientTenant("dup");
    TestUser admin = users.mspAdmin();
    TestUser target = users.user(t);
    UUID viewer = role(Permission.COMPUTERS_VIEW);
    Map<String, Object> body =
        assignment(target.id(), viewer, Map.of("kind", "TENANT", "tenantId", t), null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(() -> admin.http().post("/api/v1/role-assignments", body).status());
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : pool.invokeAll(calls)) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from role_assignment where user_id = ?")
                .param(target.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private List<UUID> otherFullAdmins(UUID keep) {
    return jdbc.sql(
            "select distinct u.id from app_user u join role_assignment a on a.user_id = u.id"
                + " where a.role_id = ? and a.scope_kind = 'OWNER' and a.effect = 'ALLOW'"
                + " and a.expires_at is null and u.enabled and u.id <> ?"
                + " union select distinct m.user_id from group_member m join role_assignment a on"
                + " a.group_id = m.group_id where a.scope_kind = 'OWNER' and a.effect = 'ALLOW'"
                + " and m.user_id <> ?")
        .params(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), keep, keep)
        .query(UUID.class)
        .list();
  }

  private void preference(String key, boolean on) {
    users.write(
        () -> {
          jdbc.sql("delete from preference where level = 'APPLICATION' and key = ?")
              .param(key)
              .update();
          jdbc.sql("insert into preference (level, key, value) values ('APPLICATION', ?, ?::jsonb)")
              .params(key, Boolean.toString(on))
              .update();
        });
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  @SuppressWarnings("unused")
  private static Grant grant(UUID role, Scope scope) {
    return allow(role, scope);
  }

  @SuppressWarnings("unused")
  private static Principal user(UUID id) {
    return Principal.user(id);
  }
}
