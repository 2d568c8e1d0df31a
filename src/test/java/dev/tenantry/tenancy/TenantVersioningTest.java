package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TenantVersioningTest extends TenancyTestSupport {

  @Test
  void aStaleVersionIs412AndChangesNothing() {
    var api = signedIn();
    var t = client(api, unique("Stale"));
    assertThat(patch(api, id(t), Map.of("description", "first")).status()).isEqualTo(200);
    String row = tenantRow(id(t));
    long events = auditTotal();

    var r = api.patch("/api/v1/tenants/" + id(t), Map.of("description", "late", "version", 0));
    assertThat(r.status()).isEqualTo(412);
    assertThat(r.json().path("code").asString()).isEqualTo("stale-version");
    assertThat(r.json().path("currentVersion").asLong()).isEqualTo(1);
    assertThat(tenantRow(id(t))).isEqualTo(row);
    assertThat(auditTotal()).isEqualTo(events);
  }

  @Test
  void theVersionMayComeAsAnIfMatchHeader() {
    var api = signedIn();
    var t = client(api, unique("IfMatch"));
    var stale =
        api.header("If-Match", "\"5\"")
            .patch("/api/v1/tenants/" + id(t), Map.of("description", "x"));
    assertThat(stale.status()).isEqualTo(412);
    var ok =
        api.header("If-Match", "\"0\"")
            .patch("/api/v1/tenants/" + id(t), Map.of("description", "x"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void anUpdateWithoutAnyVersionIs428() {
    var api = signedIn();
    var t = client(api, unique("NoVersion"));
    var r = api.patch("/api/v1/tenants/" + id(t), Map.of("description", "x"));
    assertThat(r.status()).isEqualTo(428);
    assertThat(get(api, id(t)).path("description").asString()).isEmpty();
  }

  @Test
  void aStaleDeleteIsRefused() {
    var api = signedIn();
    var t = client(api, unique("StaleDelete"));
    var r = api.header("If-Match", "\"3\"").delete("/api/v1/tenants/" + id(t));
    assertThat(r.status()).isEqualTo(412);
    assertThat(get(api, id(t)).path("name").asString()).isEqualTo(t.path("name").asString());
  }

  @Test
  void twoConcurrentUpdatesOfTheSameVersionLetExactlyOneWinWithoutLosingItsChange()
      throws Exception {
    var api = signedIn();
    var t = client(api, unique("Race"));
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Http.Response>> calls =
        List.of("alpha", "beta").stream()
            .map(
                word ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          await(start);
                          return api.patch(
                              "/api/v1/tenants/" + id(t),
                              Map.of("description", word, "version", 0));
                        }))
            .toList();
    start.countDown();
    List<Http.Response> results = calls.stream().map(CompletableFuture::join).toList();

    assertThat(results).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 412);
    var winner = results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    var stored = get(api, id(t));
    assertThat(stored.path("description").asString())
        .isEqualTo(winner.json().path("description").asString());
    assertThat(stored.path("version").asLong()).isEqualTo(1);
    assertThat(audits("tenant.updated", id(t))).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
