package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantLifecycleTest extends TenancyTestSupport {

  @Test
  void createDerivesTheSlugAndBelongsToTheInstanceMspAndIsAuditedOnce() {
    var api = signedIn();
    long events = auditTotal();
    String name = unique("Ächme Corp");
    var r = api.post("/api/v1/tenants", Map.of("name", name, "description", "a client"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("ETag")).isEqualTo("\"0\"");
    assertThat(r.header("Location")).isEqualTo("/api/v1/tenants/" + id(r.json()));
    var t = r.json();
    assertThat(t.path("slug").asString()).startsWith("achme-corp-");
    assertThat(t.path("kind").asString()).isEqualTo("CLIENT");
    assertThat(t.path("active").asBoolean()).isTrue();
    String instanceMsp =
        jdbc.sql(
                "select id::text from tenant where kind = 'MSP'"
                    + " order by created_at, id limit 1")
            .query(String.class)
            .single();
    assertThat(t.path("mspId").asString()).isEqualTo(instanceMsp);
    assertThat(auditTotal()).isEqualTo(events + 1);
    assertThat(audits("tenant.created", id(t))).isEqualTo(1);
  }

  @Test
  void aSecondTenantWithTheSameDerivedSlugGetsANumberedSlug() {
    var api = signedIn();
    String base = unique("Slug Twin");
    var first = client(api, base);
    var second = client(api, base + "!");
    assertThat(second.path("slug").asString()).isEqualTo(first.path("slug").asString() + "-2");
  }

  @Test
  void getReturnsTheTenantWithItsVersionAsETag() {
    var api = signedIn();
    var t = client(api, unique("Readable"));
    var r = api.get("/api/v1/tenants/" + id(t));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("ETag")).isEqualTo("\"0\"");
    assertThat(r.json().path("name").asString()).isEqualTo(t.path("name").asString());
  }

  @Test
  void patchChangesOnlyTheGivenFieldsBumpsTheVersionAndIsAuditedWithBeforeAndAfter() {
    var api = signedIn();
    var t = client(api, unique("Patchable"));
    long events = auditTotal();
    var r = patch(api, id(t), Map.of("description", "new words"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("description").asString()).isEqualTo("new words");
    assertThat(r.json().path("name").asString()).isEqualTo(t.path("name").asString());
    assertThat(r.json().path("version").asLong()).isEqualTo(1);
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    assertThat(auditTotal()).isEqualTo(events + 1);
    String before =
        jdbc.sql(
                "select before_json from audit_event where action = 'tenant.updated'"
                    + " and target_id = ?")
            .param(id(t).toString())
            .query(String.class)
            .single();
    assertThat(before).contains("\"description\":\"\"");
  }

  @Test
  void putReplacesTheTenant() {
    var api = signedIn();
    var parent = client(api, unique("Put Parent"));
    var t = client(api, unique("Put Me"));
    String renamed = unique("Put Renamed");
    var r =
        api.put(
            "/api/v1/tenants/" + id(t),
            Map.of(
                "name",
                renamed,
                "version",
                0,
                "parentId",
                id(parent).toString(),
                "azureTenantId",
                UUID.randomUUID().toString()));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("name").asString()).isEqualTo(renamed);
    assertThat(r.json().path("slug").asString()).isEqualTo(t.path("slug").asString());
    assertThat(r.json().path("parentId").asString()).isEqualTo(id(parent).toString());
  }

  @Test
  void deactivateAndActivateAreAuditedOnlyWhenTheyChangeSomething() {
    var api = signedIn();
    var t = client(api, unique("Toggle"));
    var off = api.post("/api/v1/tenants/" + id(t) + "/deactivate", null);
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().path("active").asBoolean()).isFalse();
    assertThat(api.post("/api/v1/tenants/" + id(t) + "/deactivate", null).status()).isEqualTo(200);
    var on = api.post("/api/v1/tenants/" + id(t) + "/activate", null);
    assertThat(on.json().path("active").asBoolean()).isTrue();

    assertThat(audits("tenant.deactivated", id(t))).isEqualTo(1);
    assertThat(audits("tenant.activated", id(t))).isEqualTo(1);
  }

  @Test
  void anEmptyTenantIsDeletedAndAudited() {
    var api = signedIn();
    var t = client(api, unique("Doomed"));
    var r = api.delete("/api/v1/tenants/" + id(t));
    assertThat(r.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/tenants/" + id(t)).status()).isEqualTo(404);
    assertThat(audits("tenant.deleted", id(t))).isEqualTo(1);
  }
}
