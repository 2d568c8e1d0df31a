package dev.tenantry.sync;

import static dev.tenantry.support.TestGraph.deltaPage;
import static dev.tenantry.support.TestGraph.firstPage;
import static dev.tenantry.support.TestGraph.page;
import static dev.tenantry.support.TestGraph.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN §9: a person Entra disables makes their user inactive "until Entra shows them enabled
 * again" — the sync re-activates only what the sync deactivated. A user an administrator disabled,
 * or whose access expired, stays inactive when Entra shows the person enabled, and expired
 * assignments stay expired (§3.6f: nothing outlives what justifies it). Each batch that
 * re-activates users names them in its audit event.
 */
class SyncReenableTest extends SyncTestSupport {
  private static final UUID ADMIN = BuiltInRoles.ADMINISTRATOR_LEGACY.id();

  @Autowired Authorizer authorizer;

  @Test
  void syncReenablesTheUserItDisabled() {
    UUID[] t = linkedTenant("reenable");
    String tag = t[1].toString();
    TestUser u = testUsers.user(t[0], Grant.allow(ADMIN, Scope.tenant(t[0], false)));
    firstPage(
        t[1],
        page(List.of(user(u.oid(), "Re", "Enabled", "re@ren.example", true)), null, tag + "-1"));
    sync(t[0]);
    disableInEntra(t[1], tag + "-1", tag + "-2", u.oid());
    sync(t[0]);
    assertThat(u.http().get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(allowed(u, t[0])).isFalse();

    enableInEntra(t[1], tag + "-2", tag + "-3", u.oid());
    sync(t[0]);

    assertThat(u.http().get("/api/v1/auth/me").status()).isEqualTo(200);
    assertThat(allowed(u, t[0])).isTrue();
    assertThat(lastBatchEvent(t[0])).contains("\"reactivatedUsers\":[\"" + u.id() + "\"]");
  }

  @Test
  void syncNeverReenablesAUserAnAdministratorDisabled() {
    UUID[] t = linkedTenant("admin-disabled");
    String tag = t[1].toString();
    TestUser disabled = testUsers.user(t[0], Grant.allow(ADMIN, Scope.tenant(t[0], false)));
    TestUser other = testUsers.user(t[0], Grant.allow(ADMIN, Scope.tenant(t[0], false)));
    firstPage(
        t[1],
        page(
            List.of(
                user(disabled.oid(), "Ad", "Disabled", "ad@dis.example", true),
                user(other.oid(), "Ot", "Her", "ot@dis.example", true)),
            null,
            tag + "-1"));
    sync(t[0]);
    var patched =
        signedIn().patch("/api/v1/users/" + disabled.id(), Map.of("enabled", false, "version", 0));
    assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
    disableInEntra(t[1], tag + "-1", tag + "-2", disabled.oid(), other.oid());
    sync(t[0]);

    enableInEntra(t[1], tag + "-2", tag + "-3", disabled.oid(), other.oid());
    sync(t[0]);

    assertThat(person(t[0], disabled.oid()).state()).isEqualTo("ACTIVE");
    assertThat(enabled(disabled.id())).isFalse();
    assertThat(disabled.http().get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(allowed(disabled, t[0])).isFalse();
    assertThat(other.http().get("/api/v1/auth/me").status()).isEqualTo(200);
    String event = lastBatchEvent(t[0]);
    assertThat(event).contains(other.id().toString()).doesNotContain(disabled.id().toString());
  }

  @Test
  void syncReenablingResurrectsNeitherAnExpiredUserNorAnExpiredAssignment() {
    UUID[] t = linkedTenant("expired");
    String tag = t[1].toString();
    TestUser expiredUser = testUsers.user(t[0], Grant.allow(ADMIN, Scope.tenant(t[0], false)));
    TestUser expiredGrant = testUsers.user(t[0]);
    UUID grant =
        testUsers.assign(
            dev.tenantry.authz.Principal.user(expiredGrant.id()),
            Grant.allow(ADMIN, Scope.tenant(t[0], false)));
    firstPage(
        t[1],
        page(
            List.of(
                user(expiredUser.oid(), "Ex", "User", "exu@exp.example", true),
                user(expiredGrant.oid(), "Ex", "Grant", "exg@exp.example", true)),
            null,
            tag + "-1"));
    sync(t[0]);
    disableInEntra(t[1], tag + "-1", tag + "-2", expiredUser.oid(), expiredGrant.oid());
    sync(t[0]);
    Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
    testUsers.write(
        () -> {
          jdbc.sql("update app_user set access_expires_at = ? where id = ?")
              .params(past, expiredUser.id())
              .update();
          jdbc.sql("update role_assignment set expires_at = ? where id = ?")
              .params(past, grant)
              .update();
        });

    enableInEntra(t[1], tag + "-2", tag + "-3", expiredUser.oid(), expiredGrant.oid());
    sync(t[0]);

    assertThat(expiredUser.http().get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(allowed(expiredUser, t[0])).isFalse();
    assertThat(allowed(expiredGrant, t[0])).isFalse(); // active again, its grant still expired
    assertThat(
            jdbc.sql("select expires_at < now() from role_assignment where id = ?")
                .param(grant)
                .query(Boolean.class)
                .single())
        .isTrue();
    String event = lastBatchEvent(t[0]);
    assertThat(event)
        .contains(expiredGrant.id().toString())
        .doesNotContain(expiredUser.id().toString());
  }

  private boolean allowed(TestUser u, UUID tenant) {
    return authorizer.check(u.id(), Permission.TENANTS_VIEW, Target.tenant(tenant)).allowed();
  }

  private boolean enabled(UUID user) {
    return jdbc.sql("select enabled from app_user where id = ?")
        .param(user)
        .query(Boolean.class)
        .single();
  }

  private static void disableInEntra(UUID tid, String from, String to, UUID... oids) {
    state(tid, from, to, false, oids);
  }

  private static void enableInEntra(UUID tid, String from, String to, UUID... oids) {
    state(tid, from, to, true, oids);
  }

  private static void state(UUID tid, String from, String to, boolean on, UUID... oids) {
    List<Map<String, Object>> users =
        java.util.Arrays.stream(oids)
            .map(o -> Map.<String, Object>of("id", o.toString(), "accountEnabled", on))
            .toList();
    deltaPage(tid, from, page(users, null, to));
  }

  /** The after-JSON of the tenant's latest people-synced audit event (one per batch). */
  private String lastBatchEvent(UUID tenant) {
    return jdbc.sql(
            "select after_json from audit_event where action = 'directory-sync.people-synced'"
                + " and tenant_id = ? order by seq desc limit 1")
        .param(tenant)
        .query(String.class)
        .single();
  }
}
