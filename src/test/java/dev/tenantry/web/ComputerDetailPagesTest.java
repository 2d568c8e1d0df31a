package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The computer page: its facts, then the Deployments, Maintenance, Terminal and History sections
 * that each feature renders with the caller's own rights.
 */
class ComputerDetailPagesTest extends ConsoleTest {

  @Test
  void computerPageShowsWhatAppliesAndLetsAnAdminRunMaintenanceFromIt() {
    String tenantName = "Detail " + shortId();
    UUID tenant = data.clientTenant(tenantName);
    Http api = signedIn();
    UUID person = data.person(tenant, "Pia", "Primary", "MANUAL");
    var created =
        api.post(
            "/api/v1/computers",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "detail-ws-01",
                "type",
                "WORKSTATION",
                "primaryPersonId",
                person));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    UUID pc = UUID.fromString(created.json().path("id").asString());
    UUID tag = data.tag("Kiosk " + shortId());
    testUsers.write(
        () ->
            jdbc.sql("insert into computer_tag (computer_id, tag_id) values (?, ?)")
                .params(pc, tag)
                .update());
    String software = "Notepad++ " + shortId();
    deploy(api, software, pc);

    signIn(data.mspAdmin("Cora", "Computers"));
    open("/computers?tenantId=" + tenant);
    clickAndWait(browser.findElement(By.linkText("detail-ws-01")));
    assertThat(browser.findElement(By.id("computer-name")).getText()).isEqualTo("detail-ws-01");
    assertThat(browser.findElement(By.id("computer-tenant")).getText()).isEqualTo(tenantName);
    assertThat(browser.findElement(By.id("computer-type")).getText()).isEqualTo("WORKSTATION");
    assertThat(browser.findElement(By.id("computer-tags")).getText()).startsWith("Kiosk ");
    assertThat(browser.findElement(By.id("computer-person")).getText()).isEqualTo("Pia Primary");
    waitForText(By.id("computer-status"), "No maintenance yet");
    waitForText(By.id("deployments-section"), software);
    assertThat(
            browser.findElement(By.cssSelector("#deployments-section tr[data-outcome]")).getText())
        .contains(software, "applies");
    waitForText(By.id("history-section"), "computer.created");
    waitFor(By.id("open-terminal"));
    waitFor(By.id("run-maintenance"));
    screenshot("computer-detail.png");

    clickAndWait(browser.findElement(By.id("run-maintenance")));
    assertThat(text(By.id("session-status"))).isEqualTo("PENDING");
    open("/computers/" + pc);
    waitForText(By.id("computer-status"), "PENDING");
    waitForText(By.id("maintenance-section"), "USER");
  }

  @Test
  void aViewerWithoutRunRightsSeesNoButtonsAndADirectPostIsRefused() {
    UUID tenant = data.clientTenant("Viewonly " + shortId());
    Http api = signedIn();
    UUID pc = computer(api, tenant, "viewonly-ws-01");
    UUID role = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?,"
                        + " array['computers:view', 'maintenance-sessions:view'])")
                .params(role, "viewer-" + role)
                .update());
    ConsoleData.User viewer = data.user(tenant, "Vic", "Viewer");
    data.allow(viewer.id(), role, "TENANT", tenant);

    signIn(viewer);
    open("/computers/" + pc);
    assertThat(browser.findElement(By.id("computer-name")).getText()).isEqualTo("viewonly-ws-01");
    waitForText(By.id("maintenance-section"), "No sessions.");
    waitFor(By.id("terminal-not-allowed"));
    assertThat(browser.findElements(By.id("run-maintenance"))).isEmpty();
    assertThat(browser.findElements(By.id("open-terminal"))).isEmpty();

    // the button is missing, and so is the right: a hand-made POST is refused
    String csrf =
        browser.findElement(By.cssSelector("meta[name='_csrf']")).getDomAttribute("content");
    var html = browser.findElement(By.tagName("html"));
    browser.executeScript(
        """
        const f = document.createElement('form');
        f.method = 'post'; f.action = arguments[0];
        const t = document.createElement('input');
        t.type = 'hidden'; t.name = '_csrf'; t.value = arguments[1];
        f.appendChild(t); document.body.appendChild(f); f.submit();""",
        "/computers/" + pc + "/maintenance",
        csrf);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, WAIT).until(gone(html));
    waitFor(By.cssSelector("main h1"));
    assertThat(mainText()).containsIgnoringCase("permission");
    assertThat(
            jdbc.sql("select count(*) from maintenance_session where computer_id = ?")
                .param(pc)
                .query(Long.class)
                .single())
        .isZero();

    // a computer of another tenant answers like a random id
    UUID other = data.computer(data.clientTenant("Hidden " + shortId()), "hidden-ws-01");
    open("/computers/" + other);
    String hidden = mainText();
    open("/computers/" + UUID.randomUUID());
    assertThat(mainText().replaceAll("[0-9a-f-]{36}", "ID"))
        .isEqualTo(hidden.replaceAll("[0-9a-f-]{36}", "ID"));
    assertThat(hidden).doesNotContain("hidden-ws-01");
  }

  @Test
  void everyMaintenanceSessionAndScriptRunIsReachableFromTheComputerPage() {
    UUID tenant = data.clientTenant("Many " + shortId());
    Http api = signedIn();
    UUID pc = computer(api, tenant, "many-ws-01");
    var script =
        api.post(
            "/api/v1/scripts",
            Map.of(
                "name",
                "Many " + shortId(),
                "language",
                "POWERSHELL",
                "body",
                "echo 1",
                "ownerTenantId",
                tenant));
    assertThat(script.status()).as(script.raw()).isEqualTo(201);
    UUID scriptId = UUID.fromString(script.json().path("id").asString());
    // 25 sessions and 22 runs, the oldest last: more than a section (20, 10) and a page (20) show
    java.util.List<UUID> sessions = new java.util.ArrayList<>();
    java.util.List<UUID> runs = new java.util.ArrayList<>();
    testUsers.write(
        () -> {
          UUID version =
              jdbc.sql("select id from script_version where script_id = ?")
                  .param(scriptId)
                  .query(UUID.class)
                  .single();
          for (int i = 0; i < 25; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql(
                    "insert into maintenance_session (id, computer_id, origin, status, requested_at)"
                        + " values (?, ?, 'USER', 'SUCCEEDED', now() - make_interval(mins => ?))")
                .params(id, pc, i + 1)
                .update();
            sessions.add(id);
          }
          for (int i = 0; i < 22; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql(
                    "insert into script_run (id, computer_id, script_id, script_version_id, status,"
                        + " exit_code, requested_at)"
                        + " values (?, ?, ?, ?, 'SUCCEEDED', 0, now() - make_interval(mins => ?))")
                .params(id, pc, scriptId, version, i + 1)
                .update();
            runs.add(id);
          }
        });
    By oldestSession = By.cssSelector("a[href='/maintenance-sessions/" + sessions.getLast() + "']");
    By oldestRun = By.cssSelector("a[href='/library/runs/" + runs.getLast() + "']");

    signIn(data.mspAdmin("Max", "Many"));
    open("/computers/" + pc);
    waitForText(By.cssSelector("#maintenance-section .pager-summary"), "1–20 of 25");
    assertThat(browser.findElements(oldestSession)).isEmpty();
    clickAndWait(browser.findElement(By.cssSelector("#maintenance-section .pager-next")));
    assertThat(browser.findElement(By.cssSelector(".pager-summary")).getText())
        .isEqualTo("21–25 of 25");
    assertThat(browser.findElements(oldestSession)).hasSize(1);

    open("/computers/" + pc);
    waitForText(By.id("all-terminal-runs"), "All 22 runs");
    assertThat(browser.findElements(oldestRun)).isEmpty();
    clickAndWait(browser.findElement(By.id("all-terminal-runs")));
    assertThat(browser.findElement(By.cssSelector(".pager-summary")).getText())
        .isEqualTo("1–20 of 22");
    assertThat(browser.findElements(oldestRun)).isEmpty();
    clickAndWait(browser.findElement(By.cssSelector(".pager-next")));
    assertThat(browser.findElements(oldestRun)).hasSize(1);
  }

  private static UUID computer(Http api, UUID tenant, String name) {
    var created =
        api.post(
            "/api/v1/computers", Map.of("tenantId", tenant, "name", name, "type", "WORKSTATION"));
    assertThat(created.status()).isEqualTo(201);
    return UUID.fromString(created.json().path("id").asString());
  }

  private static void deploy(Http api, String software, UUID pc) {
    String sw =
        api.post("/api/v1/software", Map.of("name", software, "global", true))
            .json()
            .path("id")
            .asString();
    String version =
        api.post("/api/v1/software/" + sw + "/versions", Map.of("version", "8.7"))
            .json()
            .path("id")
            .asString();
    var created =
        api.post(
            "/api/v1/deployments",
            Map.of(
                "subjectKind",
                "SOFTWARE",
                "subjectId",
                sw,
                "versionId",
                version,
                "desiredState",
                "INSTALL",
                "target",
                Map.of("kind", "COMPUTER", "computerId", pc)));
    assertThat(created.status()).isEqualTo(201);
  }
}
