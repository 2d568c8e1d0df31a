package dev.tenantry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Linked tenants and sync runs through the API, for the directory sync tests. */
abstract class SyncTestSupport extends IntegrationTest {

  /** A client tenant linked to a fresh Entra tenant id; returns {tenantId, tid}. */
  UUID[] linkedTenant(String name) {
    UUID tenant = testUsers.clientTenant(name);
    UUID tid = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql("update tenant set azure_tenant_id = ? where id = ?")
                .params(tid, tenant)
                .update());
    return new UUID[] {tenant, tid};
  }

  /** Starts a sync through the API and waits for its outcome (polling the run, 60 s at most). */
  JsonNode sync(UUID tenant) {
    return sync(tenant, java.time.Duration.ofSeconds(60));
  }

  JsonNode sync(UUID tenant, java.time.Duration atMost) {
    Http admin = signedIn();
    var started = admin.post("/api/v1/tenants/" + tenant + "/directory-sync", null);
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    String run = started.json().path("id").asString();
    return await(admin, tenant, run, atMost);
  }

  JsonNode await(Http http, UUID tenant, String run) {
    return await(http, tenant, run, java.time.Duration.ofSeconds(60));
  }

  /** Polls the run until it is no longer RUNNING; fails after {@code atMost}. */
  JsonNode await(Http http, UUID tenant, String run, java.time.Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = http.get("/api/v1/tenants/" + tenant + "/directory-sync/runs/" + run).json();
      if (!"RUNNING".equals(r.path("status").asString())) {
        return r;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("sync run " + run + " did not finish");
  }

  record Stored(
      String given, String family, String email, String upn, String state, String source) {}

  Stored person(UUID tenant, UUID oid) {
    return jdbc.sql(
            "select given_name as given, family_name as family, email, upn, entra_state as state, source from person where tenant_id = ? and azure_object_id = ?")
        .params(tenant, oid)
        .query(Stored.class)
        .single();
  }

  long people(UUID tenant) {
    return jdbc.sql("select count(*) from person where tenant_id = ?")
        .param(tenant)
        .query(Long.class)
        .single();
  }
}
