package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantDeletionTest extends TenancyTestSupport {

  @Test
  void aTenantWithContentsIsNotDeletedAndTheProblemSaysWhatRemains() {
    var api = signedIn();
    var t = client(api, unique("Full"));
    child(api, unique("Full kid"), id(t));
    computer(id(t));
    computer(id(t));
    user(person(id(t)));
    role(id(t));
    group(id(t));
    var outsider = user(person(id(client(api, unique("Elsewhere")))));
    tenantAssignment(outsider, id(t));
    String row = tenantRow(id(t));
    long events = auditTotal();

    var r = api.delete("/api/v1/tenants/" + id(t));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("code").asString()).isEqualTo("not-empty");
    var remaining = r.json().path("remaining");
    assertThat(remaining.path("computers").asLong()).isEqualTo(2);
    assertThat(remaining.path("people").asLong()).isEqualTo(1);
    assertThat(remaining.path("users").asLong()).isEqualTo(1);
    assertThat(remaining.path("childTenants").asLong()).isEqualTo(1);
    assertThat(remaining.path("roles").asLong()).isEqualTo(1);
    assertThat(remaining.path("groups").asLong()).isEqualTo(1);
    assertThat(remaining.path("roleAssignments").asLong()).isEqualTo(1);
    assertThat(r.json().path("detail").asString()).contains("2 computers", "1 childTenants");
    assertThat(tenantRow(id(t))).isEqualTo(row);
    assertThat(auditTotal()).isEqualTo(events);
  }

  @Test
  void oneRemainingKindIsEnoughToRefuse() {
    var api = signedIn();
    var t = client(api, unique("Almost empty"));
    person(id(t));
    var r = api.delete("/api/v1/tenants/" + id(t));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("remaining").propertyNames()).containsExactly("people");
  }

  @Test
  void deletingATenantDropsItsTagsAndPreferences() {
    var api = signedIn();
    var t = client(api, unique("Tagged doomed"));
    var tag = api.post("/api/v1/tags", java.util.Map.of("name", unique("doomed tag"))).json();
    api.put("/api/v1/tenants/" + id(t) + "/tags/" + id(tag), null);
    api.patch(
        "/api/v1/tenants/" + id(t) + "/preferences",
        java.util.Map.of("agent.updateChannel", "BETA"));
    assertThat(api.delete("/api/v1/tenants/" + id(t)).status()).isEqualTo(204);
    assertThat(count("preference", "tenant_id", id(t))).isZero();
    assertThat(count("tenant_tag", "tenant_id", id(t))).isZero();
    assertThat(api.get("/api/v1/tags/" + id(tag)).status()).isEqualTo(200);
  }
}
