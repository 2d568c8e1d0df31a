package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonUpdateTest extends DirectoryTest {

  @Test
  void anUpdateWithTheCurrentVersionSucceedsAndBumpsIt() {
    UUID tenant = tenant();
    UUID id = person(tenant);
    var r =
        api()
            .put(
                "/api/v1/people/" + id,
                body(
                    "givenName",
                    "Grace",
                    "familyName",
                    "Hopper",
                    "email",
                    "grace@example.com",
                    "version",
                    0));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    assertThat(r.json().path("version").asLong()).isEqualTo(1);
    assertThat(r.json().path("displayName").asString()).isEqualTo("Grace Hopper");
    assertThat(r.json().has("warnings")).isFalse();
    assertThat(auditEvents("person", id, "person.updated")).isEqualTo(1);
    String before =
        jdbc.sql(
                "select before_json from audit_event where target_id = ? and action = 'person.updated'")
            .param(id.toString())
            .query(String.class)
            .single();
    assertThat(before).contains("\"version\":0").doesNotContain("Grace");
  }

  @Test
  void ifMatchCarriesTheVersionToo() {
    UUID id = person(tenant());
    var r =
        api()
            .header("If-Match", "\"0\"")
            .put("/api/v1/people/" + id, body("givenName", "Via header"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void aStaleVersionIsRefusedWith412AndChangesNothing() {
    UUID id = person(tenant());
    assertThat(api().put("/api/v1/people/" + id, body("givenName", "First", "version", 0)).status())
        .isEqualTo(200);
    var stale = api().put("/api/v1/people/" + id, body("givenName", "Second", "version", 0));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);
    var staleHeader =
        api().header("If-Match", "\"0\"").put("/api/v1/people/" + id, body("givenName", "Third"));
    assertThat(staleHeader.status()).isEqualTo(412);
    var now = api().get("/api/v1/people/" + id).json();
    assertThat(now.path("givenName").asString()).isEqualTo("First");
    assertThat(now.path("version").asLong()).isEqualTo(1);
    assertThat(auditEvents("person", id, "person.updated")).isEqualTo(1);
  }

  @Test
  void anUpdateWithoutAVersionIsRefusedWith428() {
    UUID id = person(tenant());
    var r = api().put("/api/v1/people/" + id, body("givenName", "No version"));
    assertThat(r.status()).isEqualTo(428);
    assertThat(api().get("/api/v1/people/" + id).json().path("version").asLong()).isZero();
  }

  @Test
  void aPersonsTenantCannotBeChangedByUpdate() {
    UUID tenant = tenant();
    UUID id = person(tenant);
    var moved =
        api()
            .put(
                "/api/v1/people/" + id,
                body("tenantId", tenant(), "givenName", "Mover", "version", 0));
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.json().path("detail").asString()).contains("tenant cannot be changed");
    var now = api().get("/api/v1/people/" + id).json();
    assertThat(now.path("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(now.path("version").asLong()).isZero();
    assertThat(auditEvents("person", id, "person.updated")).isZero();
    var same =
        api()
            .put(
                "/api/v1/people/" + id,
                body("tenantId", tenant, "givenName", "Stayer", "version", 0));
    assertThat(same.status()).isEqualTo(200);
  }

  @Test
  void takingAnotherPersonsAzureObjectIdIsRefusedWith409() {
    UUID tenant = tenant();
    String oid = UUID.randomUUID().toString();
    api()
        .post(
            "/api/v1/people", body("tenantId", tenant, "givenName", "Owner", "azureObjectId", oid));
    UUID other = person(tenant);
    var r =
        api()
            .put(
                "/api/v1/people/" + other,
                body("givenName", "Thief", "azureObjectId", oid, "version", 0));
    assertThat(r.status()).isEqualTo(409);
    assertThat(api().get("/api/v1/people/" + other).json().has("azureObjectId")).isFalse();
  }

  @Test
  void syncedFieldsOfAnAzurePersonAreMarkedAndAManualEditWarns() {
    UUID tenant = tenant();
    UUID id = UUID.randomUUID();
    UUID oid = UUID.randomUUID();
    jdbc.sql(
            """
        insert into person (id, tenant_id, given_name, family_name, email, azure_object_id, source)
        values (?, ?, 'Synced', 'Person', 'synced@example.com', ?, 'AZURE')
        """)
        .params(id, tenant, oid)
        .update();
    var got = api().get("/api/v1/people/" + id).json();
    assertThat(got.path("source").asString()).isEqualTo("AZURE");
    assertThat(got.path("synced").toString())
        .isEqualTo("[\"givenName\",\"familyName\",\"email\",\"azureObjectId\"]");

    var edit =
        api()
            .put(
                "/api/v1/people/" + id,
                body(
                    "givenName",
                    "Edited",
                    "familyName",
                    "Person",
                    "email",
                    "synced@example.com",
                    "azureObjectId",
                    oid,
                    "version",
                    0));
    assertThat(edit.status()).isEqualTo(200);
    assertThat(edit.json().path("givenName").asString()).isEqualTo("Edited");
    assertThat(edit.json().path("source").asString()).isEqualTo("AZURE");
    assertThat(edit.json().path("warnings").get(0).asString())
        .startsWith("givenName is synced from Azure")
        .contains("will be overwritten by the next Azure sync");
  }

  @Test
  void aManualPersonsEditDoesNotWarn() {
    UUID id = person(tenant());
    var r = api().put("/api/v1/people/" + id, body("givenName", "Changed", "version", 0));
    assertThat(r.json().has("warnings")).isFalse();
  }
}
