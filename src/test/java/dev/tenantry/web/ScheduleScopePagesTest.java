package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The schedule editor changes a saved schedule's scope (tenant ↔ cross-tenant). */
class ScheduleScopePagesTest extends ConsoleTest {

  @Test
  void theEditorMovesATenantScheduleToCrossTenantAndBack() {
    String tenantName = "Scope " + shortId();
    UUID tenant = data.clientTenant(tenantName);
    Http api = signedIn();
    Http.Response created =
        api.post(
            "/api/v1/schedules",
            Map.of("tenantId", tenant, "name", "Rescoped " + shortId(), "cron", "0 3 * * *"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().path("id").asString();

    signIn(data.mspAdmin("Sol", "Scoper"));
    open("/schedules/" + id);
    assertThat(browser.findElement(By.id("scope")).getText()).contains("TENANT", tenantName);
    browser.findElement(By.cssSelector("#scope-fields input[value='INSTANCE']")).click();
    clickAndWait(browser.findElement(By.id("save-schedule")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Schedule saved");
    assertThat(browser.findElement(By.id("scope")).getText()).isEqualTo("Scope: INSTANCE");

    browser.findElement(By.cssSelector("#scope-fields input[value='TENANT']")).click();
    pick("tenant", tenantName);
    browser.findElement(By.cssSelector("#scope-fields input[name='includeChildren']")).click();
    clickAndWait(browser.findElement(By.id("save-schedule")));
    assertThat(browser.findElement(By.id("scope")).getText()).contains("TENANT", tenantName);
    var saved = api.get("/api/v1/schedules/" + id).json();
    assertThat(saved.path("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(saved.path("includeChildren").asBoolean()).isTrue();
    assertThat(saved.path("version").asLong()).isEqualTo(2);
  }
}
