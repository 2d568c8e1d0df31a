package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The deployment editor with its live preview, the list, and a computer's deployments. */
class DeploymentPagesTest extends ConsoleTest {

  @Test
  void theEditorPreviewsWhatTheTargetReachesAndTheComputerShowsWhatApplies() {
    String tenantName = "Acme " + shortId();
    UUID tenant = data.clientTenant(tenantName);
    UUID pc = data.computer(tenant, "acme-ws-01");
    data.computer(tenant, "acme-ws-02");
    String software = "Firefox " + shortId();
    Http api = signedIn();
    String sw =
        api.post("/api/v1/software", Map.of("name", software, "global", true))
            .json()
            .path("id")
            .asString();
    assertThat(
            api.post("/api/v1/software/" + sw + "/versions", Map.of("version", "128.0")).status())
        .isEqualTo(201);

    signIn(data.mspAdmin("Dana", "Deployer"));
    open("/deployments/new");
    pick("subject", "Software: " + software);
    waitFor(By.xpath("//select[@id='versionId']/option[normalize-space()='128.0']"));
    select(By.id("versionId"), "128.0");
    select(By.id("desiredState"), "INSTALL");
    select(By.id("targetKind"), "TENANT");
    pick("tenantId", tenantName);
    waitForText(By.id("preview-total"), "2 computer(s)");
    assertThat(browser.findElement(By.id("preview-computers")).getText())
        .contains("acme-ws-01", "acme-ws-02");
    browser.findElement(By.id("includeChildren")).click();
    waitForText(By.id("preview-total"), "2 computer(s)");
    screenshot("deployment-editor.png");
    clickAndWait(browser.findElement(By.id("save-deployment")));
    assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Created deployment");

    open("/deployments?q=" + software.replace(' ', '+'));
    assertThat(browser.findElements(By.cssSelector("tr[data-deployment]"))).hasSize(1);
    screenshot("deployments.png");

    open("/computers/" + pc + "/deployments");
    assertThat(browser.findElement(By.cssSelector("tr[data-outcome]")).getText())
        .contains(software, "applies");
    screenshot("computer-deployments.png");
  }
}
