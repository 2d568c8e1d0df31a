package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantValidationTest extends TenancyTestSupport {

  private long tenantCount() {
    return jdbc.sql("select count(*) from tenant").query(Long.class).single();
  }

  /**
   * An empty {@code code} skips the code check: unreadable bodies are answered by Spring's own
   * problem handler (foundation), which does not add our {@code code} property.
   */
  private void assertProblem(Http.Response r, int status, String code, String detailPart) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    if (!code.isEmpty()) {
      assertThat(r.json().path("code").asString()).isEqualTo(code);
    }
    assertThat(r.json().path("detail").asString()).contains(detailPart);
  }

  @Test
  void blankOrTooLongNamesAreRefusedAndNothingIsCreated() {
    var api = signedIn();
    long before = tenantCount();
    assertProblem(
        api.post("/api/v1/tenants", Map.of("name", "  ")),
        400,
        "validation-failed",
        "name must not be blank");
    assertProblem(api.post("/api/v1/tenants", Map.of()), 400, "validation-failed", "name");
    assertProblem(
        api.post("/api/v1/tenants", Map.of("name", "x".repeat(201))),
        400,
        "validation-failed",
        "at most 200");
    assertThat(tenantCount()).isEqualTo(before);
  }

  @Test
  void aDuplicateNameInAnyCaseIsAConflictAndNothingChanges() {
    var api = signedIn();
    String name = unique("Dup Name");
    client(api, name);
    var other = client(api, unique("Other"));
    long before = tenantCount();
    assertProblem(
        api.post("/api/v1/tenants", Map.of("name", name.toUpperCase())),
        409,
        "duplicate",
        "already exists");
    String row = tenantRow(id(other));
    assertProblem(
        patch(api, id(other), Map.of("name", name.toLowerCase())),
        409,
        "duplicate",
        "already exists");
    assertThat(tenantCount()).isEqualTo(before);
    assertThat(tenantRow(id(other))).isEqualTo(row);
  }

  @Test
  void invalidGuidsAreRefusedWith400() {
    var api = signedIn();
    long before = tenantCount();
    assertProblem(
        api.post(
            "/api/v1/tenants", Map.of("name", unique("Bad Azure"), "azureTenantId", "not-a-guid")),
        400,
        "",
        "");
    assertProblem(api.get("/api/v1/tenants/12345"), 400, "", "");
    assertThat(tenantCount()).isEqualTo(before);
  }

  @Test
  void anAzureTenantIdCanBeLinkedToOneTenantOnly() {
    var api = signedIn();
    String azure = UUID.randomUUID().toString();
    createTenant(api, Map.of("name", unique("Azure One"), "azureTenantId", azure));
    long before = tenantCount();
    assertProblem(
        api.post("/api/v1/tenants", Map.of("name", unique("Azure Two"), "azureTenantId", azure)),
        409,
        "duplicate",
        "already linked");
    assertThat(tenantCount()).isEqualTo(before);
  }

  @Test
  void brokenJsonAndWrongTypesAre400() {
    var api = signedIn();
    long before = tenantCount();
    assertProblem(api.post("/api/v1/tenants", "{\"name\": "), 400, "", "");
    assertProblem(
        api.post("/api/v1/tenants", Map.of("name", unique("K"), "kind", "EMPIRE")), 400, "", "");
    var t = client(api, unique("Typed"));
    String row = tenantRow(id(t));
    assertProblem(
        patch(api, id(t), Map.of("active", "perhaps")), 400, "validation-failed", "not valid");
    assertProblem(
        patch(api, id(t), Map.of("computerCount", 7)),
        400,
        "validation-failed",
        "cannot be changed");
    assertProblem(
        patch(api, id(t), Map.of("slug", "Not A Slug")), 400, "validation-failed", "slug");
    assertThat(tenantRow(id(t))).isEqualTo(row);
    assertThat(tenantCount()).isEqualTo(before + 1);
  }

  @Test
  void unknownTenantsAre404Problems() {
    var api = signedIn();
    UUID missing = UUID.randomUUID();
    assertProblem(api.get("/api/v1/tenants/" + missing), 404, "not-found", missing.toString());
    assertProblem(
        api.patch("/api/v1/tenants/" + missing, Map.of("version", 0)),
        404,
        "not-found",
        missing.toString());
    assertProblem(api.delete("/api/v1/tenants/" + missing), 404, "not-found", missing.toString());
    // an unknown parent answers like an invisible one: 404 naming it (never a hint that it exists)
    assertProblem(
        api.post(
            "/api/v1/tenants", Map.of("name", unique("Orphan"), "parentId", missing.toString())),
        404,
        "not-found",
        missing.toString());
  }

  @Test
  void callsWithoutATokenAreRefused() {
    assertThat(anonymous().get("/api/v1/tenants").status()).isEqualTo(401);
  }
}
