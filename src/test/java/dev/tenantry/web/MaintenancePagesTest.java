package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Schedules (editor with next runs, the tenant's tab) and sessions (live log) in the console. */
class MaintenancePagesTest extends ConsoleTest {

  @Test
  void aScheduleIsCreatedWithItsNextRunsAndTheTenantTabShowsTheInheritedWindow() {
    UUID parent = data.clientTenant("Windows " + shortId());
    Http api = signedIn();
    assertThat(
            api.patch(
                    "/api/v1/tenants/" + parent + "/preferences",
                    Map.of(
                        "maintenance.window",
                        Map.of("start", "21:00", "end", "23:00", "timeZone", "Europe/Berlin")))
                .status())
        .isEqualTo(200);
    UUID child = testUsers.tenant("Branch", parent, false);
    data.computer(child, "branch-ws-" + shortId());
    signIn(data.mspAdmin("Sia", "Scheduler"));
    open("/schedules/new?tenantId=" + child);
    String name = "Patch night " + shortId();
    browser.findElement(By.id("name")).sendKeys(name);
    var cron = browser.findElement(By.id("cron"));
    cron.clear();
    cron.sendKeys("0 4 * * *");
    // htmx previews the next runs while the recurrence is typed
    waitForText(By.id("next-run-list"), ":00 UTC");
    assertThat(browser.findElements(By.cssSelector("#next-run-list li"))).hasSize(5);
    clickAndWait(browser.findElement(By.id("save-schedule")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Schedule created");
    assertThat(browser.findElement(By.id("target-count")).getText()).startsWith("1 computer");
    assertThat(browser.findElements(By.cssSelector("#next-run-list li"))).hasSize(5);
    // 04:00 in Berlin, the inherited window's zone, is 02:00 or 03:00 UTC
    assertThat(browser.findElement(By.cssSelector("#next-run-list li")).getText())
        .containsAnyOf("02:00 UTC", "03:00 UTC");
    screenshot("schedule-editor.png");
    open("/tenants/" + child + "/schedules");
    assertThat(browser.findElement(By.id("maintenance-window")).getText())
        .contains("21:00–23:00 Europe/Berlin");
    assertThat(browser.findElement(By.id("window-source")).getText())
        .startsWith("inherited from Windows");
    assertThat(browser.findElement(By.id("schedules")).getText()).contains(name);
    // searched: the first page (by name) holds whatever schedules other tests made sort first
    open(
        "/schedules?q="
            + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("schedules")).getText()).contains(name);
  }

  @Test
  void maintenanceRunFromTheComputerShowsItsLogLive() {
    UUID tenant = data.clientTenant("Maint " + shortId());
    UUID pc = data.computer(tenant, "maint-ws-01");
    signIn(data.mspAdmin("Mo", "Maintainer"));
    open("/computers/" + pc + "/maintenance");
    clickAndWait(browser.findElement(By.id("run-maintenance")));
    assertThat(text(By.id("session-status"))).isEqualTo("PENDING");
    UUID role = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['scripts:execute'])")
                .params(role, "executor-" + role)
                .update());
    TestUsers.TestUser executor =
        testUsers.user(
            testUsers.mspTenant(), TestUsers.Grant.allow(role, Scope.tenant(tenant, false)));
    var claimed = executor.http().post("/api/v1/executor/session-claims", Map.of()).json();
    assertThat(claimed).hasSize(1);
    String id = claimed.get(0).path("id").asString();
    executor
        .http()
        .post(
            "/api/v1/executor/sessions/" + id + "/log",
            Map.of("lines", List.of(Map.of("text", "Installing 7-Zip 24.08"))));
    waitForText(By.id("session-log"), "Installing 7-Zip 24.08");
    assertThat(text(By.id("session-status"))).isEqualTo("RUNNING");
    executor
        .http()
        .post(
            "/api/v1/executor/sessions/" + id + "/result",
            Map.of("succeeded", true, "message", "1 deployment applied"));
    waitForText(By.id("session-status"), "SUCCEEDED");
    screenshot("maintenance-session.png");
    open("/maintenance-sessions");
    assertThat(browser.findElement(By.id("sessions")).getText()).contains("maint-ws-01");
  }
}
