package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The editors for software (versions, installer upload, adopt), maintenance tasks and licenses. */
class LibraryEditorPagesTest extends ConsoleTest {

  private String script(Http api, String name, UUID owner) {
    Http.Response r =
        api.post(
            "/api/v1/scripts",
            Map.of(
                "name", name, "language", "POWERSHELL", "body", "echo 1", "ownerTenantId", owner));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }

  /** Saves a new version of the script through the API (the editor is tested elsewhere). */
  private void editScript(Http api, String id) {
    var s = api.get("/api/v1/scripts/" + id).json();
    Http.Response r =
        api.put(
            "/api/v1/scripts/" + id,
            Map.of(
                "name",
                s.path("name").asString(),
                "language",
                "POWERSHELL",
                "body",
                "echo 2",
                "ownerTenantId",
                s.path("ownerTenantId").asString(),
                "version",
                s.path("version").asLong()));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  @Test
  void softwareGetsAVersionAnInstallerWithProgressAndAdoptsTheNewInstallScript() throws Exception {
    var admin = data.mspAdmin("Sofia", "Software");
    UUID msp = data.mspTenant();
    Http api = signedIn();
    String installName = "Install 7zip " + shortId();
    String install = script(api, installName, msp);
    signIn(admin);
    open("/library/software/new");
    String name = "7-Zip " + shortId();
    browser.findElement(By.id("software-name")).sendKeys(name);
    browser.findElement(By.id("software-vendor")).sendKeys("Igor Pavlov");
    pick("sw-install", installName);
    clickAndWait(browser.findElement(By.id("save-software")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Created software " + name);
    assertThat(browser.findElement(By.id("sw-install-q")).getDomProperty("value"))
        .isEqualTo(installName);

    browser.findElement(By.id("new-version")).sendKeys("23.01");
    clickAndWait(browser.findElement(By.id("add-version")));
    WebElement row = browser.findElement(By.cssSelector("tr[data-version='23.01']"));
    byte[] content = new byte[300_000];
    new Random(5).nextBytes(content);
    Path file = Files.createTempFile("7z2301-x64", ".msi");
    Files.write(file, content);
    row.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    row.findElement(By.cssSelector("button.upload")).click();
    new WebDriverWait(browser, WAIT)
        .until(
            d ->
                d.findElement(By.cssSelector("tr[data-version='23.01'] .upload-percent"))
                    .getText()
                    .equals("100% – uploaded"));
    assertThat(row.findElement(By.cssSelector("progress")).getDomProperty("value"))
        .isEqualTo("100");
    assertThat(row.findElement(By.cssSelector(".installer-state")).getText())
        .isEqualTo(file.getFileName() + ", 300000 bytes");
    screenshot("library-software-editor.png");

    editScript(api, install); // the install script gets version 2; version 23.01 keeps version 1
    open(browser.getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
    clickAndWait(browser.findElement(By.cssSelector("tr[data-version='23.01'] button.adopt")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Added version 23.01+1 with the latest scripts");
    List<Map<String, Object>> pins =
        jdbc.sql(
                "select sv.version, v.number, sv.installer_blob_id from software_version sv"
                    + " join software s on s.id = sv.software_id"
                    + " join script_version v on v.id = sv.install_script_version_id"
                    + " where s.name = ? order by sv.sort_key")
            .param(name)
            .query()
            .listOfRows();
    assertThat(pins).extracting(r -> r.get("version")).containsExactly("23.01", "23.01+1");
    assertThat(pins).extracting(r -> r.get("number")).containsExactly(1, 2);
    assertThat(pins.get(1).get("installer_blob_id"))
        .isEqualTo(pins.get(0).get("installer_blob_id"));
  }

  @Test
  void aTaskPicksItsScriptsAsYouTypeKeepsParametersAndAdoptsANewScriptVersion() {
    var admin = data.mspAdmin("Tara", "Tasks");
    UUID msp = data.mspTenant();
    Http api = signedIn();
    String getName = "Get firewall " + shortId();
    String setName = "Set firewall " + shortId();
    script(api, getName, msp);
    String set = script(api, setName, msp);
    signIn(admin);
    open("/library/tasks/new");
    String name = "Firewall on " + shortId();
    browser.findElement(By.id("task-name")).sendKeys(name);
    pick("task-set", setName);
    pick("task-get", getName);
    browser.findElement(By.id("param-name-0")).sendKeys("Profile");
    browser.findElement(By.id("param-default-0")).sendKeys("Domain, Private");
    clickAndWait(browser.findElement(By.id("save-task")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Created maintenance task " + name);
    assertThat(browser.findElement(By.cssSelector("li[data-pin='set']")).getText())
        .isEqualTo("set: " + setName + " v1");
    assertThat(browser.findElement(By.id("param-default-0")).getDomProperty("value"))
        .isEqualTo("Domain, Private");
    assertThat(browser.findElements(By.id("adopt"))).isEmpty();

    editScript(api, set);
    open(browser.getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
    assertThat(browser.findElement(By.cssSelector("li[data-pin='set']")).getText())
        .isEqualTo("set: " + setName + " v1 (v2 available)");
    screenshot("library-task-editor.png");
    clickAndWait(browser.findElement(By.id("adopt")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Version 2 pins the latest script versions");
    assertThat(browser.findElement(By.cssSelector("li[data-pin='set']")).getText())
        .isEqualTo("set: " + setName + " v2");
    assertThat(browser.findElement(By.cssSelector("li[data-pin='get']")).getText())
        .isEqualTo("get: " + getName + " v1");
    assertThat(browser.findElement(By.id("param-name-0")).getDomProperty("value"))
        .isEqualTo("Profile");
    assertThat(browser.findElements(By.cssSelector("#task-versions tbody tr"))).hasSize(2);
  }

  @Test
  void aLicenseKeyIsSetAndReplacedAndShownOnlyThroughRevealToThoseAllowed() throws Exception {
    var admin = data.mspAdmin("Lena", "Licenses");
    String tenantName = "Licensed " + shortId();
    UUID tenant = data.clientTenant(tenantName);
    Http api = signedIn();
    String swName = "Office " + shortId();
    assertThat(
            api.post("/api/v1/software", Map.of("name", swName, "ownerTenantId", tenant)).status())
        .isEqualTo(201);
    signIn(admin);
    open("/library/licenses/new");
    String name = "Office seats " + shortId();
    browser.findElement(By.id("license-name")).sendKeys(name);
    pick("license-software", swName);
    pick("new-owner", tenantName);
    browser.findElement(By.id("license-key")).sendKeys("AAAA-BBBB-CCCC");
    Path file = Files.createTempFile("office", ".lic");
    Files.writeString(file, "license file body");
    browser.findElement(By.id("license-file")).sendKeys(file.toString());
    new WebDriverWait(browser, WAIT)
        .until(
            d -> "true".equals(d.findElement(By.id("license-file")).getDomAttribute("data-ready")));
    browser.findElement(By.id("license-min")).sendKeys("16.0");
    browser.findElement(By.id("license-max")).sendKeys("16.9");
    clickAndWait(browser.findElement(By.id("save-license")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Created license " + name);
    assertThat(browser.findElement(By.id("secret-state")).getText())
        .isEqualTo(
            "A key is stored (hidden). A file is stored (hidden): " + file.getFileName() + ".");
    assertThat(browser.getPageSource()).doesNotContain("AAAA-BBBB-CCCC");
    assertThat(browser.findElement(By.id("license-key")).getDomProperty("value")).isEmpty();
    browser.findElement(By.id("reveal")).click();
    waitForText(By.id("revealed-key"), "AAAA-BBBB-CCCC");
    assertThat(browser.findElement(By.id("revealed-file")).getText()).contains("(17 bytes");

    browser.findElement(By.id("license-key")).sendKeys("DDDD-EEEE");
    clickAndWait(browser.findElement(By.id("save-license")));
    assertThat(browser.getPageSource()).doesNotContain("DDDD-EEEE");
    assertThat(browser.findElement(By.id("license-max")).getDomProperty("value")).isEqualTo("16.9");
    browser.findElement(By.id("reveal")).click();
    waitForText(By.id("revealed-key"), "DDDD-EEEE");
    screenshot("library-license-editor.png");
    String url = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");

    // a customer user who may view licenses sees that a key exists, never the key, and no Reveal
    UUID viewer = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['licenses:view','software:view'])")
                .params(viewer, "license-viewer-" + viewer)
                .update());
    var customer = data.user(tenant, "Carl", "Customer");
    data.allow(customer.id(), viewer, "TENANT", tenant);
    browser.manage().deleteAllCookies();
    signIn(customer);
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Carl Customer");
    open(url);
    assertThat(browser.findElement(By.id("secret-state")).getText()).startsWith("A key is stored");
    assertThat(browser.findElements(By.id("reveal"))).isEmpty();
    assertThat(browser.findElements(By.id("save-license"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain("DDDD-EEEE");
  }

  @Test
  void theHistoryPageNamesTheImpersonator() {
    data.preference("impersonation.enabled", true);
    var admin = data.mspAdmin("Ivan", "Impersonator");
    UUID tenant = data.clientTenant("History " + shortId());
    var target = data.user(tenant, "Hanna", "Helper");
    data.allow(target.id(), BuiltInRoles.USER_LEGACY.id(), "USERS_TENANT", null);
    UUID role = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['media:view','media:manage'])")
                .params(role, "media-editor-" + role)
                .update());
    data.allow(target.id(), role, "TENANT", tenant);
    signIn(admin);
    open("/users/" + target.id());
    browser.findElement(By.id("impersonation-reason")).sendKeys("Ticket 99");
    clickAndWait(browser.findElement(By.id("impersonate-button")));
    open("/library/media/new");
    browser.findElement(By.id("media-name")).sendKeys("Logo " + shortId());
    clickAndWait(browser.findElement(By.id("create-media")));
    String media = browser.getCurrentUrl().replaceFirst(".*/library/media/", "");
    open("/library/media/" + media + "/history");
    WebElement row = browser.findElement(By.cssSelector("#history tbody tr"));
    assertThat(row.findElement(By.cssSelector(".actor")).getText()).isEqualTo("Hanna Helper");
    assertThat(row.getText()).contains("media.created");
    assertThat(row.findElement(By.cssSelector(".impersonator")).getText())
        .isEqualTo("Ivan Impersonator");
  }
}
