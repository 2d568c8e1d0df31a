package dev.tenantry.sync;

import static dev.tenantry.support.TestGraph.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN §9: a sync never removes or changes a role assignment and never changes a decision of the
 * engine, except that the users whose person Entra disabled or removed become inactive (denied
 * everything, their sessions refused) — until Entra shows them enabled again.
 */
class SyncNeverWidensAccessTest extends SyncTestSupport {
  private static final List<Permission> PERMISSIONS =
      List.of(
          Permission.TENANTS_VIEW,
          Permission.PEOPLE_VIEW,
          Permission.COMPUTERS_MANAGE,
          Permission.AZURE_SYNC,
          Permission.ROLE_ASSIGNMENTS_MANAGE);

  @Autowired Authorizer authorizer;

  @Test
  void
      aSyncChangesNoAssignmentAndNoDecisionExceptThatDisabledOrRemovedPeoplesUsersBecomeInactive() {
    UUID[] t = linkedTenant("decisions");
    String tag = t[1].toString();
    UUID admin = BuiltInRoles.ADMINISTRATOR_LEGACY.id();
    TestUser stays = testUsers.user(t[0], Grant.allow(admin, Scope.tenant(t[0], true)));
    TestUser disabled = testUsers.user(t[0], Grant.allow(admin, Scope.usersTenant()));
    TestUser removed = testUsers.user(t[0], Grant.allow(admin, Scope.tenant(t[0], false)));
    TestUser renamed = testUsers.user(t[0], Grant.allow(admin, Scope.tenant(t[0], false)));
    assertThat(disabled.http().get("/api/v1/auth/me").status()).isEqualTo(200);
    firstPage(
        t[1],
        page(
            List.of(
                user(stays.oid(), "Stay", "Put", "stay@dec.example", true),
                user(disabled.oid(), "Dis", "Abled", "dis@dec.example", true),
                user(removed.oid(), "Re", "Moved", "re@dec.example", true),
                user(renamed.oid(), "Re", "Named", "ren@dec.example", true)),
            null,
            tag + "-d1"));
    sync(t[0]);
    deltaPage(
        t[1],
        tag + "-d1",
        page(
            List.of(
                Map.of("id", disabled.oid().toString(), "accountEnabled", false),
                removed(removed.oid()),
                Map.of("id", renamed.oid().toString(), "surname", "Renamed")),
            null,
            tag + "-d2"));
    List<String> assignmentsBefore = assignments();
    Map<String, Boolean> before = decisions(t[0]);

    assertThat(sync(t[0]).path("marked").asInt()).isEqualTo(2);

    assertThat(assignments()).isEqualTo(assignmentsBefore);
    Map<String, Boolean> after = decisions(t[0]);
    Set<UUID> inactive = Set.of(disabled.id(), removed.id());
    List<String> changed = new ArrayList<>();
    before.forEach(
        (k, v) -> {
          boolean now = after.get(k);
          UUID user = UUID.fromString(k.substring(0, 36));
          boolean expected = inactive.contains(user) ? false : v;
          if (now != expected) {
            changed.add(k + ": " + v + " -> " + now);
          }
        });
    assertThat(changed).isEmpty();
    assertThat(before.get(disabled.id() + " " + Permission.TENANTS_VIEW + " tenant")).isTrue();
    assertThat(disabled.http().get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(removed.http().get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(renamed.http().get("/api/v1/auth/me").status()).isEqualTo(200);

    deltaPage(
        t[1],
        tag + "-d2",
        page(
            List.of(Map.of("id", disabled.oid().toString(), "accountEnabled", true)),
            null,
            tag + "-d3"));
    sync(t[0]);
    assertThat(decisions(t[0])).containsAllEntriesOf(filter(before, disabled.id()));
    assertThat(disabled.http().get("/api/v1/auth/me").status()).isEqualTo(200);
  }

  private static Map<String, Boolean> filter(Map<String, Boolean> all, UUID user) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (k.startsWith(user.toString())) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** Every user's decision for each permission on the synced tenant, its MSP and the system. */
  private Map<String, Boolean> decisions(UUID tenant) {
    UUID msp = testUsers.mspTenant();
    Map<String, Target> targets =
        Map.of(
            "tenant", Target.tenant(tenant), "msp", Target.tenant(msp), "system", Target.system());
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (UUID u : jdbc.sql("select id from app_user order by id").query(UUID.class).list()) {
      for (Permission p : PERMISSIONS) {
        targets.forEach(
            (name, target) ->
                out.put(u + " " + p + " " + name, authorizer.check(u, p, target).allowed()));
      }
    }
    return out;
  }

  private List<String> assignments() {
    return jdbc.sql("select row(r.*)::text from role_assignment r order by id")
        .query(String.class)
        .list();
  }
}
