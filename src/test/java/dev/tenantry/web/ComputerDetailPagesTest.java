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
    assertThat(browser.findElement(By.id("session-status")).getText()).isEqualTo("PENDING");
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
