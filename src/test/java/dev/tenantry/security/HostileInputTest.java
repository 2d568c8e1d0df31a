package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bad inputs of issue 8 item 7 (and their relatives): each answers a 400 problem that names the
 * field, never a 5xx, a 409 "conflict" or a message naming Java classes; search wildcards are taken
 * literally.
 */
class HostileInputTest extends IntegrationTest {
  private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

  private static void assertRefused(Http.Response r, String field) {
    assertThat(r.status()).as("%s", r).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asString()).as("%s", r).contains(field);
    assertPublicSafe(r);
  }

  static void assertPublicSafe(Http.Response r) {
    assertThat(r.raw())
        .as("no Java internals in %s", r)
        .doesNotContain("java.")
        .doesNotContain("dev.tenantry")
        .doesNotContain("tools.jackson")
        .doesNotContain("org.springframework")
        .doesNotContain("Exception")
        .doesNotContain("SQL")
        .doesNotContain("constraint");
  }

  @Test
  void anExpiryBeyondYear9999IsAFieldErrorOnAssignmentsUsersAndAuditFilters() {
    UUID tenant = testUsers.clientTenant("far");
    var user = testUsers.user(tenant);
    Http admin = signedIn();
    assertRefused(
        admin.post(
            "/api/v1/role-assignments",
            Map.of(
                "principal",
                Map.of("type", "USER", "id", user.id()),
                "roleId",
                BuiltInRoles.USER_LEGACY.id(),
                "scope",
                Map.of("kind", "TENANT", "tenantId", tenant),
                "expiresAt",
                FAR_FUTURE)),
        "expiresAt");
    long version = admin.get("/api/v1/users/" + user.id()).json().path("version").asLong();
    assertRefused(
        admin.patch(
            "/api/v1/users/" + user.id(),
            Map.of("version", version, "accessExpiresAt", FAR_FUTURE)),
        "accessExpiresAt");
    assertRefused(admin.get("/api/v1/audit-events?from=%2B999999999-12-31T23:59:59Z"), "from");
    assertRefused(admin.get("/api/v1/audit-events?to=-999999999-01-01T00:00:00Z"), "to");
  }

  @Test
  void wronglyTypedUserPatchFieldsAreFieldErrors() {
    var user = testUsers.user(testUsers.clientTenant("typed"));
    Http admin = signedIn();
    assertRefused(admin.patch("/api/v1/users/" + user.id(), Map.of("enabled", "nope")), "enabled");
    assertRefused(admin.patch("/api/v1/users/" + user.id(), Map.of("version", "abc")), "version");
    assertRefused(admin.patch("/api/v1/users/" + user.id(), "[1, 2]"), "object");
  }

  @Test
  void nulCharactersAreFieldErrorsNotConflicts() {
    Http admin = signedIn();
    assertRefused(admin.post("/api/v1/tenants", Map.of("name", "nul\u0000name")), "name");
    assertRefused(admin.post("/api/v1/tags", Map.of("name", "tag\u0000")), "name");
    assertRefused(admin.get("/api/v1/tenants?q=a%00b"), "NUL");
    assertRefused(admin.get("/api/v1/people?q=a%00b"), "NUL");
  }

  @Test
  void oversizedTextIsAFieldErrorNamingTheField() {
    String mb = "x".repeat(1_000_000);
    Http admin = signedIn();
    UUID tenant = testUsers.clientTenant("big");
    assertRefused(
        admin.post("/api/v1/tenants", Map.of("name", "big", "description", mb)), "description");
    assertRefused(admin.post("/api/v1/tenants", Map.of("name", "y".repeat(201))), "name");
    assertRefused(
        admin.post("/api/v1/people", Map.of("tenantId", tenant, "givenName", mb)), "givenName");
    var target = testUsers.user(tenant, Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.owner()));
    admin.patch("/api/v1/preferences/application", Map.of("impersonation.enabled", true));
    assertRefused(
        admin.post(
            "/api/v1/users/" + target.id() + "/impersonate", Map.of("reason", "r".repeat(501))),
        "reason");
    assertRefused(
        identityWithoutUser().post("/api/v1/auth/request-access", Map.of("message", mb)),
        "message");
  }

  @Test
  void wronglyTypedJsonNamesTheFieldAndWhatItMustBe() {
    Http admin = signedIn();
    var r = admin.post("/api/v1/tenants", Map.of("name", "typed", "parentId", "not-a-guid"));
    assertRefused(r, "parentId");
    assertThat(r.json().path("detail").asString()).contains("GUID");
    assertRefused(admin.post("/api/v1/tenants", Map.of("name", List.of(1))), "name");
    assertRefused(admin.post("/api/v1/tenants", "{\"name\": "), "JSON");
    assertPublicSafe(admin.get("/api/v1/tenants?page=x"));
    assertPublicSafe(admin.get("/api/v1/tenants?kind=ROBOT"));
  }

  @Test
  void searchWildcardsAreTakenLiterally() {
    Http admin = signedIn();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    for (String name : List.of("pct%" + unique, "und_" + unique, "plain" + unique)) {
      assertThat(admin.post("/api/v1/tags", Map.of("name", name)).status()).isEqualTo(201);
    }
    assertThat(admin.get("/api/v1/tags?q=%25" + unique).json())
        .extracting(t -> t.path("name").asString())
        .containsExactly("pct%" + unique);
    assertThat(admin.get("/api/v1/tags?q=_" + unique).json())
        .extracting(t -> t.path("name").asString())
        .containsExactly("und_" + unique);
    for (String route : List.of("tags", "tenants", "people", "computers", "users")) {
      var r = admin.get("/api/v1/" + route + "?q=%5C");
      assertThat(r.status()).as("%s with a trailing backslash: %s", route, r).isEqualTo(200);
    }
  }
}
