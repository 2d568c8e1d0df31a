package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The library pages: tabs and search, the script editor, versions and diff, upload, terminal. */
class LibraryPagesTest extends ConsoleTest {

  @Test
  void aScriptIsWrittenWithHighlightingEditedIntoASecondVersionAndDiffed() {
    String name = "Clear temp " + shortId();
    signIn(data.mspAdmin("Sam", "Scripter"));
    open("/library/scripts/new");
    browser.findElement(By.id("script-name")).sendKeys(name);
    browser
        .findElement(By.id("script-body"))
        .sendKeys("Get-ChildItem $env:TEMP\nRemove-Item -Recurse\n");
    assertThat(browser.findElement(By.id("script-highlight")).getAttribute("class"))
        .contains("hljs");
    assertThat(browser.findElements(By.cssSelector("#script-highlight span")))
        .as("highlighted tokens")
        .isNotEmpty();
    screenshot("library-script-editor.png");
    clickAndWait(browser.findElement(By.id("save-script")));
    assertThat(browser.findElement(By.id("latest-version")).getText()).isEqualTo("1");
    var body = browser.findElement(By.id("script-body"));
    body.clear();
    body.sendKeys("Get-ChildItem $env:TEMP\nRemove-Item -Recurse -Force\n");
    clickAndWait(browser.findElement(By.id("save-script")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Saved version 2");
    clickAndWait(browser.findElement(By.id("diff-2")));
    assertThat(browser.findElement(By.cssSelector("#diff .del")).getText())
        .contains("Remove-Item -Recurse");
    assertThat(browser.findElement(By.cssSelector("#diff .add")).getText()).contains("-Force");
    screenshot("library-script-diff.png");
    open("/library?tab=scripts&q=" + name.replace(' ', '+'));
    assertThat(browser.findElements(By.cssSelector("tr[data-item]"))).hasSize(1);
    screenshot("library.png");
  }

  @Test
  void anUploadShowsItsProgressAndStoresTheFile() throws Exception {
    signIn(data.mspAdmin("Uma", "Uploader"));
    open("/library/media/new");
    browser.findElement(By.id("media-name")).sendKeys("Wallpaper " + shortId());
    clickAndWait(browser.findElement(By.id("create-media")));
    byte[] content = new byte[700_000];
    new Random(3).nextBytes(content);
    Path file = Files.createTempFile("upload", ".bin");
    Files.write(file, content);
    browser.findElement(By.id("upload-file")).sendKeys(file.toString());
    browser.findElement(By.id("upload")).click();
    waitForText(By.id("upload-percent"), "100% – uploaded");
    assertThat(browser.findElement(By.id("upload-progress")).getAttribute("value"))
        .isEqualTo("100");
    assertThat(browser.findElement(By.id("media-state")).getText()).startsWith("700000 bytes");
    screenshot("library-upload.png");
  }

  @Test
  void aScriptRunFromTheComputerShowsItsOutputLive() {
    UUID tenant = data.clientTenant("Terminal " + shortId());
    UUID pc = data.computer(tenant, "term-ws-01");
    Http api = signedIn();
    String name = "Uptime " + shortId();
    assertThat(
            api.post(
                    "/api/v1/scripts",
                    Map.of(
                        "name",
                        name,
                        "language",
                        "POWERSHELL",
                        "body",
                        "uptime",
                        "ownerTenantId",
                        tenant))
                .status())
        .isEqualTo(201);
    signIn(data.mspAdmin("Terry", "Terminal"));
    open("/computers/" + pc + "/terminal");
    pick("run-script", name);
    clickAndWait(browser.findElement(By.id("run")));
    assertThat(text(By.id("run-status"))).isEqualTo("PENDING");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name + " (version 1)");
    // an executor picks it up and streams output; the page polls and shows it without a reload
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
    var claimed = executor.http().post("/api/v1/executor/claims", Map.of()).json();
    assertThat(claimed).hasSize(1);
    String run = claimed.get(0).path("runId").asString();
    executor
        .http()
        .post(
            "/api/v1/executor/runs/" + run + "/output",
            Map.of("lines", List.of(Map.of("text", "up 42 days"))));
    waitForText(By.id("run-output"), "up 42 days");
    assertThat(text(By.id("run-status"))).isEqualTo("RUNNING");
    executor.http().post("/api/v1/executor/runs/" + run + "/result", Map.of("exitCode", 0));
    waitForText(By.id("run-status"), "SUCCEEDED");
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("run-exit"), "exit code 0"));
    screenshot("library-script-run.png");
  }
}
