package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ownership, visibility, publishing and the terminal preference (DESIGN §7). */
class LibraryOwnershipTest extends LibraryTestSupport {

  @AfterEach
  void preferenceBackOn() {
    setTerminalPreference(true);
  }

  @Test
  void tenantAdminsObjectsAreOwnedByTheirTenantAndInvisibleToAnotherTenant() {
    UUID a = testUsers.clientTenant("lib-a");
    UUID b = testUsers.clientTenant("lib-b");
    Http adminA = tenantAdmin(a).http();
    Http adminB = tenantAdmin(b).http();
    String marker = "secret-tool-" + UUID.randomUUID();
    var r = adminA.post("/api/v1/scripts", script(marker));
    String id = created(r);
    assertThat(r.json().path("ownerTenantId").asString()).isEqualTo(a.toString());
    assertThat(r.json().path("global").asBoolean()).isFalse();
    String media = created(adminA.post("/api/v1/media", Map.of("name", marker)));
    String sw = created(adminA.post("/api/v1/software", Map.of("name", marker)));

    for (String path :
        List.of("/api/v1/scripts/" + id, "/api/v1/media/" + media, "/api/v1/software/" + sw)) {
      Http.Response hidden = adminB.get(path);
      Http.Response missing =
          adminB.get(path.replaceAll("[0-9a-f-]{36}$", UUID.randomUUID().toString()));
      assertThat(hidden.status()).as("%s for another tenant", path).isEqualTo(404);
      assertThat(hidden.json().path("code").asString())
          .isEqualTo(missing.json().path("code").asString());
      assertThat(adminA.get(path).status()).isEqualTo(200);
    }
    for (String list : List.of("/api/v1/scripts", "/api/v1/media", "/api/v1/software")) {
      Http.Response shown = adminB.get(list + "?q=" + marker);
      assertThat(shown.raw()).doesNotContain(marker);
      assertThat(shown.json().path("total").asLong()).as("count of %s", list).isZero();
      assertThat(adminA.get(list + "?q=" + marker).json().path("total").asLong()).isEqualTo(1);
    }
    // filtering by the other tenant as owner shows nothing either
    assertThat(ids(adminB.get("/api/v1/scripts?ownerTenantId=" + a))).isEmpty();
  }

  @Test
  void visibleToAllTenantsScriptsAreReadableButNotEditableElsewhere() {
    UUID a = testUsers.clientTenant("share-a");
    UUID b = testUsers.clientTenant("share-b");
    Http msp = signedIn();
    var r =
        msp.post(
            "/api/v1/scripts", script("shared", "ownerTenantId", a, "visibleToAllTenants", true));
    String id = created(r);
    TestUsers.TestUser adminB = tenantAdmin(b);
    Http.Response read = adminB.http().get("/api/v1/scripts/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("canManage").asBoolean()).isFalse();
    assertThat(ids(adminB.http().get("/api/v1/scripts?q=shared"))).contains(id);
    Http.Response edit =
        adminB
            .http()
            .put(
                "/api/v1/scripts/" + id,
                script("hijacked", "version", 0, "visibleToAllTenants", true));
    assertThat(edit.status()).as("%s", edit).isEqualTo(403);
    assertThat(adminB.http().delete("/api/v1/scripts/" + id).status()).isEqualTo(403);
    // a user who holds no scripts:view anywhere does not see it
    Http none = testUsers.user(b).http();
    assertThat(none.get("/api/v1/scripts/" + id).status()).isEqualTo(404);
  }

  @Test
  void publishingNeedsTheMspOnlyPermission() {
    UUID a = testUsers.clientTenant("pub-a");
    Http admin = tenantAdmin(a).http();
    Http.Response global = admin.post("/api/v1/scripts", script("g", "global", true));
    assertThat(global.status()).isEqualTo(403);
    assertThat(global.json().path("detail").asString()).contains("scripts:publish");
    assertThat(admin.post("/api/v1/scripts", script("v", "visibleToAllTenants", true)).status())
        .isEqualTo(403);
    assertThat(admin.post("/api/v1/software", Map.of("name", "g", "global", true)).status())
        .isEqualTo(403);
    String owned = created(admin.post("/api/v1/scripts", script("owned")));
    Http.Response widen =
        admin.put(
            "/api/v1/scripts/" + owned, script("owned", "version", 0, "visibleToAllTenants", true));
    assertThat(widen.status()).isEqualTo(403);
    // the MSP admin may publish
    Http.Response ok = signedIn().post("/api/v1/scripts", script("g", "global", true));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().path("global").asBoolean()).isTrue();
  }

  @Test
  void ownershipChangesNeedManageOnTheOldAndTheNewOwner() {
    UUID a = testUsers.clientTenant("own-a");
    UUID b = testUsers.clientTenant("own-b");
    Http adminA = tenantAdmin(a).http();
    String id = created(adminA.post("/api/v1/scripts", script("moving")));
    Http.Response toB =
        adminA.put("/api/v1/scripts/" + id, script("moving", "version", 0, "ownerTenantId", b));
    assertThat(toB.status()).as("new owner invisible to the caller").isEqualTo(404);
    // an admin of a parent of both may move it
    Http msp = signedIn();
    Http.Response moved =
        msp.put("/api/v1/scripts/" + id, script("moving", "version", 0, "ownerTenantId", b));
    assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    assertThat(adminA.get("/api/v1/scripts/" + id).status()).isEqualTo(404);
    assertThat(tenantAdmin(b).http().get("/api/v1/scripts/" + id).status()).isEqualTo(200);
  }

  @Test
  void terminalPreferenceOffRefusesScriptEditsToNonAdminsAndNamesThePreference() {
    UUID a = testUsers.clientTenant("pref-a");
    Http tenantAdmin = tenantAdmin(a).http();
    Http scriptManager = withRole(a, BuiltInRoles.SCRIPT_MANAGER.id()).http();
    String id = created(tenantAdmin.post("/api/v1/scripts", script("before")));
    setTerminalPreference(false);
    Http.Response refused = tenantAdmin.post("/api/v1/scripts", script("after"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("detail").asString())
        .contains("Allow Non-Admins and Non-MSP Users to Use Terminal and Edit Scripts");
    assertThat(tenantAdmin.put("/api/v1/scripts/" + id, script("edited", "version", 0)).status())
        .isEqualTo(403);
    assertThat(tenantAdmin.get("/api/v1/scripts/" + id).status())
        .as("reading stays")
        .isEqualTo(200);
    // the role that replaces the preference, and an MSP admin, still edit
    assertThat(scriptManager.put("/api/v1/scripts/" + id, script("edited", "version", 0)).status())
        .isEqualTo(200);
    assertThat(signedIn().post("/api/v1/scripts", script("msp", "ownerTenantId", a)).status())
        .isEqualTo(201);
  }

  @Test
  void customerWithLicensesViewNeverSeesAGlobalLicenseKey() {
    Http msp = signedIn();
    String key = "KEY-" + UUID.randomUUID();
    String sw = created(msp.post("/api/v1/software", Map.of("name", "Office", "global", true)));
    String lic =
        created(
            msp.post(
                "/api/v1/licenses",
                Map.of("softwareId", sw, "name", "Office volume", "key", key, "global", true)));
    UUID customer = testUsers.clientTenant("cust");
    Http user = withRole(customer, BuiltInRoles.USER_LEGACY.id()).http(); // holds licenses:view
    Http.Response list = user.get("/api/v1/licenses?softwareId=" + sw);
    assertThat(ids(list)).containsExactly(lic);
    assertThat(list.raw()).doesNotContain(key);
    Http.Response one = user.get("/api/v1/licenses/" + lic);
    assertThat(one.json().path("keySet").asBoolean()).isTrue();
    assertThat(one.raw()).doesNotContain(key);
    assertThat(user.get("/api/v1/licenses/" + lic + "/secret").status()).isEqualTo(403);
    // neither does a tenant admin of the customer (manage on its own tenant, not on global objects)
    assertThat(tenantAdmin(customer).http().get("/api/v1/licenses/" + lic + "/secret").status())
        .isEqualTo(403);
    assertThat(msp.get("/api/v1/licenses/" + lic + "/secret").json().path("key").asString())
        .isEqualTo(key);
    // encrypted at rest, and absent from the audit trail
    byte[] stored =
        jdbc.sql("select key_cipher from license where id = ?::uuid")
            .param(lic)
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(key);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where coalesce(after_json, '') || coalesce(before_json, '') like ?")
                .param("%" + key + "%")
                .query(Long.class)
                .single())
        .isZero();
  }
}
