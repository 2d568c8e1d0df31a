package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Impersonating from the user editor: the banner names both, stopping ends it, the audit shows
 * both.
 */
class ImpersonationPagesTest extends ConsoleTest {

  @Test
  void theBannerNamesBothIdentitiesOnEveryPageUntilStoppedAndTheAuditShowsBoth() {
    data.preference("impersonation.enabled", true);
    var admin = data.mspAdmin("Alex", "Admin");
    UUID tenant = data.clientTenant("Impersonated " + shortId());
    data.computer(tenant, "terry-laptop");
    var target = data.user(tenant, "Terry", "Target");
    data.allow(target.id(), BuiltInRoles.USER_LEGACY.id(), "USERS_TENANT", null);
    signIn(admin);
    open("/users/" + target.id());
    browser.findElement(By.id("impersonation-reason")).sendKeys("Reproduce ticket 4711");
    clickAndWait(browser.findElement(By.id("impersonate-button")));
    assertThat(browser.findElement(By.id("impersonation-banner")).getText())
        .contains("Alex Admin is impersonating Terry Target");
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Terry Target");
    open("/computers");
    assertThat(browser.findElement(By.id("impersonation-banner")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("tr[data-computer]")))
        .extracting(e -> e.getAttribute("data-computer"))
        .containsExactly("terry-laptop");
    screenshot("impersonation-banner.png");

    clickAndWait(browser.findElement(By.id("stop-impersonating")));
    assertThat(browser.findElements(By.id("impersonation-banner"))).isEmpty();
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Alex Admin");

    open("/audit?action=impersonation.stopped");
    var row =
        browser.findElement(
            By.cssSelector("#audit-events tr[data-action='impersonation.stopped']"));
    assertThat(row.getText())
        .contains("Terry Target")
        .contains("impersonated by")
        .contains("Alex Admin");
    screenshot("audit.png");
  }
}
