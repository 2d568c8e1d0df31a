package dev.tenantry.sync.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.tenantry.support.TestGraph.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hourly step (db-scheduler): nothing while "Azure User Sync" is off; when on, one queued sync
 * per linked tenant, each run alone, so a tenant whose Graph fails never stops another.
 */
class HourlySyncTest extends IntegrationTest {
  @Autowired SyncScheduling scheduling;

  @Test
  void theHourlyStepSyncsEveryLinkedTenantOnlyWhenAzureUserSyncIsOnAndAFailingOneStopsNoOther() {
    UUID good = linked("hourly-good");
    UUID goodTid = tid(good);
    UUID bad = linked("hourly-bad");
    firstPage(
        goodTid,
        page(
            List.of(user(UUID.randomUUID(), "H", "Ourly", "h@hourly.example", true)),
            null,
            goodTid + "-d1"));
    server().stubFor(graphGet(tid(bad), "/users/delta").willReturn(aResponse().withStatus(500)));
    var admin = signedIn();
    assertThat(
            admin
                .patch("/api/v1/preferences/application", Map.of(SyncScheduling.PREFERENCE, false))
                .status())
        .isEqualTo(200);
    assertThat(scheduling.runHourlyStepNow()).isZero();

    assertThat(
            admin
                .patch("/api/v1/preferences/application", Map.of(SyncScheduling.PREFERENCE, true))
                .status())
        .isEqualTo(200);
    try {
      assertThat(scheduling.runHourlyStepNow()).isPositive();
      String goodStatus = awaitScheduledRun(good);
      String badStatus = awaitScheduledRun(bad);
      assertThat(goodStatus).isEqualTo("SUCCEEDED");
      assertThat(badStatus).isEqualTo("FAILED");
      assertThat(
              jdbc.sql("select count(*) from person where tenant_id = ?")
                  .param(good)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } finally {
      admin.patch("/api/v1/preferences/application", Map.of(SyncScheduling.PREFERENCE, false));
      awaitQueueEmpty();
    }
  }

  private UUID linked(String name) {
    UUID tenant = testUsers.clientTenant(name);
    testUsers.write(
        () ->
            jdbc.sql("update tenant set azure_tenant_id = ? where id = ?")
                .params(UUID.randomUUID(), tenant)
                .update());
    return tenant;
  }

  private UUID tid(UUID tenant) {
    return jdbc.sql("select azure_tenant_id from tenant where id = ?")
        .param(tenant)
        .query(UUID.class)
        .single();
  }

  /**
   * Polls (at most 120 s: other tests' linked tenants are queued too) for a finished SCHEDULE run.
   */
  private String awaitScheduledRun(UUID tenant) {
    for (int i = 0; i < 1200; i++) {
      var status =
          jdbc.sql(
                  "select status from directory_sync_run where tenant_id = ? and trigger = 'SCHEDULE' and status <> 'RUNNING'")
              .param(tenant)
              .query(String.class)
              .optional();
      if (status.isPresent()) {
        return status.get();
      }
      sleep();
    }
    throw new AssertionError("no scheduled run of " + tenant);
  }

  private void awaitQueueEmpty() {
    for (int i = 0; i < 1200; i++) {
      long queued =
          jdbc.sql("select count(*) from scheduled_tasks where task_name = 'directory-sync-tenant'")
              .query(Long.class)
              .single();
      if (queued == 0) {
        return;
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
