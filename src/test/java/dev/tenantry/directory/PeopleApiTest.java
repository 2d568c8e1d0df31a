package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PeopleApiTest extends DirectoryTest {

  @Test
  void aManualPersonIsCreatedReadAndAuditedOnce() {
    UUID tenant = tenant();
    var r =
        api()
            .post(
                "/api/v1/people",
                body(
                    "tenantId",
                    tenant,
                    "givenName",
                    " Ada ",
                    "familyName",
                    "Lovelace",
                    "email",
                    "ada@example.com"));
    assertThat(r.status()).isEqualTo(201);
    UUID id = id(r.json());
    assertThat(r.header("Location")).endsWith("/api/v1/people/" + id);
    assertThat(r.header("ETag")).isEqualTo("\"0\"");
    assertThat(r.json().path("source").asString()).isEqualTo("MANUAL");
    assertThat(r.json().path("givenName").asString()).isEqualTo("Ada");
    assertThat(r.json().path("displayName").asString()).isEqualTo("Ada Lovelace");
    assertThat(r.json().path("isUser").asBoolean()).isFalse();
    assertThat(r.json().path("synced").isEmpty()).isTrue();

    var got = api().get("/api/v1/people/" + id);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.header("ETag")).isEqualTo("\"0\"");
    assertThat(got.json().path("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(auditEvents("person", id, "person.created")).isEqualTo(1);
    String eventTenant =
        jdbc.sql("select tenant_id::text from audit_event where target_id = ?")
            .param(id.toString())
            .query(String.class)
            .single();
    assertThat(eventTenant).isEqualTo(tenant.toString());
  }

  /**
   * DESIGN §9: what Entra ID last said of a person (written by directory sync) is on the API, in
   * the answer for one person and in lists, and an update neither sets it nor resets it.
   */
  @Test
  void theEntraStateWrittenBySyncIsShownReadOnly() {
    UUID tenant = tenant();
    UUID id = person(tenant);
    assertThat(api().get("/api/v1/people/" + id).json().path("entraState").asString())
        .isEqualTo("ACTIVE");
    testUsers.write(
        () ->
            jdbc.sql("update person set entra_state = 'DISABLED' where id = ?").param(id).update());

    assertThat(api().get("/api/v1/people/" + id).json().path("entraState").asString())
        .isEqualTo("DISABLED");
    var listed = api().get("/api/v1/people?tenantId=" + tenant).json().path("items");
    assertThat(listed.valueStream().map(p -> p.path("entraState").asString()))
        .containsExactly("DISABLED");

    var updated =
        api()
            .put(
                "/api/v1/people/" + id,
                body("givenName", "Renamed", "entraState", "ACTIVE", "version", 0));
    assertThat(updated.status()).as(updated.toString()).isLessThan(500);
    assertThat(api().get("/api/v1/people/" + id).json().path("entraState").asString())
        .isEqualTo("DISABLED");

    var schema =
        anonymous()
            .get("/v3/api-docs")
            .json()
            .path("components")
            .path("schemas")
            .path("PersonResponse")
            .path("properties")
            .path("entraState");
    assertThat(schema.path("enum").valueStream().map(n -> n.asString()))
        .containsExactly("ACTIVE", "DISABLED", "REMOVED");
  }

  @Test
  void peopleFromAzureCannotBeCreatedByHand() {
    UUID tenant = tenant();
    var r =
        api()
            .post(
                "/api/v1/people", body("tenantId", tenant, "givenName", "Sync", "source", "AZURE"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asString()).contains("Azure sync");
    assertThat(count("select count(*) from person where tenant_id = ?", tenant)).isZero();
  }

  @Test
  void aPersonInAnUnknownTenantIsRefusedWith404() {
    UUID missing = UUID.randomUUID();
    var r = api().post("/api/v1/people", body("tenantId", missing, "givenName", "Nobody"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("detail").asString())
        .isEqualTo("tenant " + missing + " was not found");
    assertThat(count("select count(*) from person where tenant_id = ?", missing)).isZero();
  }

  @Test
  void invalidInputIsRefusedWith400AndCreatesNothing() {
    UUID tenant = tenant();
    assertThat(api().post("/api/v1/people", body("tenantId", tenant, "givenName", "  ")).status())
        .isEqualTo(400);
    assertThat(
            api()
                .post("/api/v1/people", body("tenantId", tenant, "givenName", "x".repeat(201)))
                .status())
        .isEqualTo(400);
    var badGuid =
        api()
            .post(
                "/api/v1/people",
                body("tenantId", tenant, "givenName", "G", "azureObjectId", "not-a-guid"));
    assertThat(badGuid.status()).isEqualTo(400);
    assertThat(
            api()
                .post(
                    "/api/v1/people",
                    body("tenantId", tenant, "givenName", "G", "email", "not an email"))
                .status())
        .isEqualTo(400);
    assertThat(api().post("/api/v1/people", "{\"tenantId\": ").status()).isEqualTo(400);
    assertThat(api().post("/api/v1/people", body("tenantId", "123", "givenName", "G")).status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(
                    "/api/v1/people", body("tenantId", tenant, "givenName", "G", "source", "LDAP"))
                .status())
        .isEqualTo(400);
    assertThat(count("select count(*) from person where tenant_id = ?", tenant)).isZero();
  }

  @Test
  void anAzureObjectIdIsUniqueWithinATenantOnly() {
    UUID tenant = tenant();
    UUID other = tenant();
    String oid = UUID.randomUUID().toString();
    assertThat(
            api()
                .post(
                    "/api/v1/people",
                    body("tenantId", tenant, "givenName", "A", "azureObjectId", oid))
                .status())
        .isEqualTo(201);
    var dup =
        api()
            .post(
                "/api/v1/people", body("tenantId", tenant, "givenName", "B", "azureObjectId", oid));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().path("detail").asString()).contains(oid);
    assertThat(count("select count(*) from person where tenant_id = ?", tenant)).isEqualTo(1);
    assertThat(
            api()
                .post(
                    "/api/v1/people",
                    body("tenantId", other, "givenName", "C", "azureObjectId", oid))
                .status())
        .isEqualTo(201);
  }

  @Test
  void unknownOrMalformedIdsAnswer404Or400() {
    var missing = api().get("/api/v1/people/" + UUID.randomUUID());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api().get("/api/v1/people/nope").status()).isEqualTo(400);
    assertThat(api().delete("/api/v1/people/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void peopleRequireASignedInCaller() {
    assertThat(anonymous().get("/api/v1/people").status()).isEqualTo(401);
  }
}
