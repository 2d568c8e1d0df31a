package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An identity without a user asks for access in the browser; an administrator grants it from the
 * badge.
 */
class AccessRequestPagesTest extends ConsoleTest {

  @Test
  void aStrangerRequestsAccessAndAnAdministratorApprovesItFromTheBadge() {
    data.preference("access-requests.enabled", true);
    String tenantName = "Requesters " + shortId();
    UUID tenant = data.clientTenant(tenantName);
    var stranger =
        new ConsoleData.User(
            null,
            null,
            null,
            UUID.randomUUID(),
            "Riley Requester",
            "riley." + shortId() + "@example.com");
    signIn(stranger);
    assertThat(mainText()).contains("You have no access to this instance yet");
    clickAndWait(browser.findElement(By.linkText("Request access")));
    browser.findElement(By.id("message")).sendKeys("I run the Contoso helpdesk");
    clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
    assertThat(mainText()).contains("Your access request is").contains("PENDING");

    browser.manage().deleteAllCookies();
    var admin = data.mspAdmin("Avery", "Approver");
    signIn(admin);
    WebElement badge = waitFor(By.id("access-request-badge"));
    assertThat(Long.parseLong(badge.getText())).isPositive();
    clickAndWait(badge);
    WebElement card =
        browser.findElement(By.cssSelector("[data-request='" + stranger.username() + "']"));
    assertThat(card.getText()).contains("Riley Requester").contains("I run the Contoso helpdesk");
    pick(card.findElement(By.name("tenantId")).getDomAttribute("id"), tenantName);
    pick(
        card.findElement(By.name("roleId")).getDomAttribute("id"), "System Administrator (Legacy)");
    new Select(card.findElement(By.name("scopeKind"))).selectByValue("TENANT");
    pick(card.findElement(By.name("scopeTenantId")).getDomAttribute("id"), tenantName);
    new Select(card.findElement(By.name("expiry"))).selectByValue("ONE_DAY");
    screenshot("access-requests.png");
    clickAndWait(card.findElement(By.cssSelector("button.grant")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Access granted to Riley Requester");
    assertThat(
            jdbc.sql(
                    """
        select count(*) from app_user u join person p on p.id = u.person_id
         where u.entra_tenant_id = ? and u.entra_object_id = ? and p.tenant_id = ? and u.access_expires_at is not null
        """)
                .params(HOME_TID, stranger.oid(), tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    browser.manage().deleteAllCookies();
    signIn(stranger);
    assertThat(mainText()).contains("Your user id").doesNotContain("Request access");
  }

  @Test
  void approvingWithoutTheScopesTenantShowsTheReasonNextToTheRequests() {
    data.preference("access-requests.enabled", true);
    var stranger =
        new ConsoleData.User(
            null,
            null,
            null,
            UUID.randomUUID(),
            "Sam Incomplete",
            "sam." + shortId() + "@example.com");
    signIn(stranger);
    clickAndWait(browser.findElement(By.linkText("Request access")));
    clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
    browser.manage().deleteAllCookies();
    signIn(data.mspAdmin("Casey", "Checker"));
    open("/users-roles/access-requests");
    WebElement card =
        browser.findElement(By.cssSelector("[data-request='" + stranger.username() + "']"));
    new Select(card.findElement(By.name("scopeKind"))).selectByValue("TENANT");
    clickAndWait(card.findElement(By.cssSelector("button.grant")));
    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo("scope.tenantId is required for a TENANT scope");
    assertThat(
            browser
                .findElement(By.cssSelector("[data-request='" + stranger.username() + "']"))
                .isDisplayed())
        .isTrue();
  }
}
