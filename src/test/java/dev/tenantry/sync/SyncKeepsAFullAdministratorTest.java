package dev.tenantry.sync;

import static dev.tenantry.support.TestGraph.deltaPage;
import static dev.tenantry.support.TestGraph.firstPage;
import static dev.tenantry.support.TestGraph.page;
import static dev.tenantry.support.TestGraph.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN §3.6h through the directory sync: Entra disabling (or removing) the person of the
 * instance's last full administrator would lock the instance out, so the sync keeps that one user
 * active and records a warning in the run; anyone else, and that user once another full
 * administrator exists, is marked as usual.
 */
class SyncKeepsAFullAdministratorTest extends SyncTestSupport {

  @Test
  void rule6hDirectorySyncNeverDisablesTheLastFullAdministrator() {
    UUID[] t = linkedTenant("last-admin");
    String tag = t[1].toString();
    TestUser last =
        testUsers.user(
            t[0], Grant.allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.owner()));
    TestUser plain = testUsers.user(t[0]);
    firstPage(
        t[1],
        page(
            List.of(
                user(last.oid(), "Last", "Admin", "last@la.example", true),
                user(plain.oid(), "Plain", "User", "plain@la.example", true)),
            null,
            tag + "-d1"));
    assertThat(run(last.http(), t[0]).path("status").asString()).isEqualTo("SUCCEEDED");
    deltaPage(
        t[1],
        tag + "-d1",
        page(
            List.of(
                Map.of("id", last.oid().toString(), "accountEnabled", false),
                Map.of("id", plain.oid().toString(), "accountEnabled", false)),
            null,
            tag + "-d2"));
    List<UUID> others = otherFullAdmins(last.id());
    enable(others, false);
    JsonNode kept;
    try {
      kept = run(last.http(), t[0]);
    } finally {
      enable(others, true);
    }
    assertThat(kept.path("status").asString()).as(kept.toString()).isEqualTo("SUCCEEDED");
    assertThat(kept.path("marked").asInt()).isEqualTo(1);
    assertThat(kept.path("warnings").asString())
        .contains(last.id().toString())
        .contains("last full administrator");
    assertThat(person(t[0], last.oid()).state()).isEqualTo("ACTIVE");
    assertThat(person(t[0], plain.oid()).state()).isEqualTo("DISABLED");
    assertThat(last.http().get("/api/v1/auth/me").status()).isEqualTo(200);

    // with other full administrators again, the next sync marks them as Entra says
    deltaPage(
        t[1],
        tag + "-d2",
        page(
            List.of(Map.of("id", last.oid().toString(), "accountEnabled", false)),
            null,
            tag + "-d3"));
    JsonNode marked = run(signedIn(), t[0]);
    assertThat(marked.path("marked").asInt()).as(marked.toString()).isEqualTo(1);
    assertThat(marked.path("warnings").isNull() || marked.path("warnings").isMissingNode())
        .isTrue();
    assertThat(person(t[0], last.oid()).state()).isEqualTo("DISABLED");
  }

  private JsonNode run(Http http, UUID tenant) {
    var started = http.post("/api/v1/tenants/" + tenant + "/directory-sync", null);
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    return await(http, tenant, started.json().path("id").asString());
  }

  private List<UUID> otherFullAdmins(UUID keep) {
    return jdbc.sql(
            "select distinct u.id from app_user u join role_assignment a on a.user_id = u.id"
                + " where a.scope_kind = 'OWNER' and a.effect = 'ALLOW' and u.enabled and u.id <> ?"
                + " union select distinct m.user_id from group_member m join role_assignment a on"
                + " a.group_id = m.group_id join app_user u on u.id = m.user_id"
                + " where a.scope_kind = 'OWNER' and a.effect = 'ALLOW' and u.enabled"
                + " and m.user_id <> ?")
        .params(keep, keep)
        .query(UUID.class)
        .list();
  }

  private void enable(List<UUID> users, boolean on) {
    testUsers.write(
        () ->
            users.forEach(
                u ->
                    jdbc.sql("update app_user set enabled = ? where id = ?")
                        .params(on, u)
                        .update()));
  }
}
