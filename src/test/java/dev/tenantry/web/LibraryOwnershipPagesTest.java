package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.Http;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' "Owner and publishing" form (DESIGN §7) and the software icon: owners are picked
 * among the tenants the caller may manage, publishing is offered only to holders of the MSP-only
 * publish permission and refused server-side otherwise, icons are images checked by their bytes.
 */
class LibraryOwnershipPagesTest extends ConsoleTest {

  private String created(Http.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private String ownerOf(String table, String id) {
    return jdbc.sql(
            "select coalesce(owner_tenant_id::text, 'global') || '/' || "
                + (table.equals("script") ? "visible_to_all_tenants" : "false")
                + " from "
                + table
                + " where id = ?::uuid")
        .param(id)
        .query(String.class)
        .single();
  }

  private long events(String action, String id) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, id)
        .query(Long.class)
        .single();
  }

  @Test
  void anMspAdminHandsAScriptToATenantPickedBySearchThenPublishesItToAllTenantsAndGlobally() {
    var admin = data.mspAdmin("Olga", "Owner");
    String tenantName = "Receiving " + shortId();
    UUID tenant = data.clientTenant(tenantName);
    Http api = signedIn();
    String script =
        created(
            api.post(
                "/api/v1/scripts",
                Map.of(
                    "name",
                    "Handed " + shortId(),
                    "language",
                    "POWERSHELL",
                    "body",
                    "echo 1",
                    "ownerTenantId",
                    data.mspTenant())));
    signIn(admin);
    open("/library/scripts/" + script);
    pick("owner-tenant", tenantName);
    clickAndWait(browser.findElement(By.id("save-ownership")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Owner and publishing saved");
    assertThat(ownerOf("script", script)).isEqualTo(tenant + "/false");
    assertThat(browser.findElement(By.id("owner-tenant-q")).getDomProperty("value"))
        .isEqualTo(tenantName);

    browser.findElement(By.id("reach-visible")).click();
    clickAndWait(browser.findElement(By.id("save-ownership")));
    assertThat(ownerOf("script", script)).isEqualTo(tenant + "/true");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('ownership').scrollIntoView()");
    screenshot("library-ownership.png");

    browser.findElement(By.id("reach-global")).click();
    clickAndWait(browser.findElement(By.id("save-ownership")));
    assertThat(ownerOf("script", script)).isEqualTo("global/false");
    assertThat(browser.findElement(By.id("reach-global")).isSelected()).isTrue();
    assertThat(events("script.ownership-changed", script)).isEqualTo(3);

    clickAndWait(browser.findElement(By.id("save-ownership"))); // nothing changed: nothing written
    assertThat(events("script.ownership-changed", script)).isEqualTo(3);
  }

  @Test
  void aTenantAdminPicksOnlyTenantsItManagesSeesNoPublishingAndIsRefusedGlobalWithTheReason() {
    String homeName = "Home " + shortId();
    UUID home = data.clientTenant(homeName);
    String otherName = "Elsewhere " + shortId();
    data.clientTenant(otherName);
    var tenantAdmin = data.user(home, "Tom", "Tenant");
    data.allow(tenantAdmin.id(), BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "TENANT", home);
    Http api = signedIn();
    String task =
        created(
            api.post(
                "/api/v1/maintenance-tasks",
                Map.of(
                    "name",
                    "Own task " + shortId(),
                    "setScriptId",
                    created(
                        api.post(
                            "/api/v1/scripts",
                            Map.of(
                                "name",
                                "Set " + shortId(),
                                "language",
                                "POWERSHELL",
                                "body",
                                "echo 1",
                                "ownerTenantId",
                                home))),
                    "ownerTenantId",
                    home)));
    signIn(tenantAdmin);
    open("/library/tasks/" + task);
    assertThat(browser.findElements(By.id("reach"))).isEmpty();
    assertThat(browser.findElement(By.id("publish-note")).getText())
        .contains("needs the MSP-only publish permission");
    assertThat(options("owner-tenant", homeName)).containsExactly(homeName);
    assertThat(options("owner-tenant", otherName))
        .containsExactly("No match among what you may see");

    // a forged form asking for global is refused by the server, with the reason
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('input[name=reach]').value = 'global'");
    clickAndWait(browser.findElement(By.id("save-ownership")));
    assertThat(mainText()).contains("tasks:publish");
    assertThat(ownerOf("maintenance_task", task)).isEqualTo(home + "/false");
    assertThat(events("maintenance-task.ownership-changed", task)).isZero();
  }

  @Test
  void aSoftwareIconIsAnImageCheckedByItsBytesAndServedWithAFixedTypeAndNosniff() throws Exception {
    var admin = data.mspAdmin("Ivo", "Icon");
    Http api = signedIn();
    String software =
        created(
            api.post(
                "/api/v1/software",
                Map.of("name", "Iconic " + shortId(), "ownerTenantId", data.mspTenant())));
    signIn(admin);
    open("/library/software/" + software);
    assertThat(browser.findElements(By.id("software-icon"))).isEmpty();

    Path svg = Files.createTempFile("icon", ".svg");
    Files.writeString(
        svg, "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    browser.findElement(By.id("icon-file")).sendKeys(svg.toString());
    browser.findElement(By.id("upload-icon")).click();
    waitForText(
        By.id("icon-percent"),
        "Upload failed (415): An icon must be a PNG, JPEG, GIF or WebP image (SVG is not accepted)");

    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xFF0000);
    Path png = Files.createTempFile("icon", ".png");
    ImageIO.write(image, "png", png.toFile());
    browser.findElement(By.id("icon-file")).clear();
    browser.findElement(By.id("icon-file")).sendKeys(png.toString());
    browser.findElement(By.id("upload-icon")).click();
    new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("software-icon")).isEmpty());
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const i = document.getElementById('software-icon');"
                        + " return i.complete ? i.naturalWidth : -1;"))
        .isIn(16L, -1L);
    Object headers =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch('/library/software/"
                    + software
                    + "/icon').then(r => done(r.status + ' ' + r.headers.get('content-type') + ' '"
                    + " + r.headers.get('x-content-type-options')));");
    assertThat(headers).isEqualTo("200 image/png nosniff");
    assertThat(events("software.icon-changed", software)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select m.content_type from software s join media m on m.id = s.icon_media_id"
                        + " where s.id = ?::uuid")
                .param(software)
                .query(String.class)
                .single())
        .isEqualTo("image/png");
  }
}
