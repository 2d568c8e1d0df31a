package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Impersonating from the user editor: the banner names both, stopping ends it, the audit shows both. */
class ImpersonationPagesTest extends ConsoleTest {

  @Test
  void theBannerNamesBothIdentitiesOnEveryPageUntilStoppedAndTheAuditShowsBoth() {
    data.preference("impersonation.enabled", true);
    var admin = data.mspAdmin("Alex", "Admin");
    var target = data.user(data.clientTenant("Impersonated " + shortId()), "Terry", "Target");
    signIn(admin);
    open("/users/" + target.id());
    browser.findElement(By.id("impersonation-reason")).sendKeys("Reproduce ticket 4711");
    clickAndWait(browser.findElement(By.id("impersonate-button")));
    assertThat(browser.findElement(By.id("impersonation-banner")).getText())
        .contains("Alex Admin is impersonating Terry Target");
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Terry Target");
    open("/users-roles/users");
    assertThat(browser.findElement(By.id("impersonation-banner")).isDisplayed()).isTrue();
    screenshot("impersonation-banner.png");

    clickAndWait(browser.findElement(By.id("stop-impersonating")));
    assertThat(browser.findElements(By.id("impersonation-banner"))).isEmpty();
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Alex Admin");

    open("/audit?action=impersonation.stopped");
    var row = browser.findElement(By.cssSelector("#audit-events tr[data-action='impersonation.stopped']"));
    assertThat(row.getText()).contains("Terry Target").contains("impersonated by").contains("Alex Admin");
    screenshot("audit.png");
  }
}
