package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A tenant administrator (Administrator (Legacy) at User's tenant) sees their own tenant and
 * nothing else.
 */
class TenantAdminVisibilityTest extends ConsoleTest {

  @Test
  void aTenantAdministratorSeesOnlyTheirOwnTenantEverywhere() {
    String suffix = shortId();
    UUID own = data.clientTenant("Own " + suffix);
    UUID other = data.clientTenant("Other " + suffix);
    data.computer(own, "own-ws-" + suffix);
    data.computer(other, "other-ws-" + suffix);
    var admin = data.user(own, "Toni", "TenantAdmin");
    data.allow(admin.id(), BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "USERS_TENANT", null);
    data.preference("access-requests.enabled", true);
    signIn(admin);
    assertThat(browser.findElements(By.id("access-request-badge"))).isEmpty();

    open("/tenants");
    assertThat(browser.findElements(By.cssSelector("#tenant-tree li[data-tenant]")))
        .extracting(e -> e.getAttribute("data-tenant"))
        .containsExactly("Own " + suffix);
    open("/computers");
    assertThat(browser.findElements(By.cssSelector("tr[data-computer]")))
        .extracting(e -> e.getAttribute("data-computer"))
        .containsExactly("own-ws-" + suffix);
    assertThat(options("target-tenant", "Other " + suffix))
        .containsExactly("No match among what you may see");
    open("/people");
    assertThat(mainText()).contains("Toni TenantAdmin").doesNotContain("Other " + suffix);
    open("/users-roles/users");
    assertThat(browser.findElements(By.cssSelector("tr[data-user]"))).hasSize(1);

    browser.get(url("/tenants/" + other));
    waitFor(By.cssSelector("main h1"));
    assertThat(mainText()).contains("Tenant " + other + " was not found");

    open("/profile");
    assertThat(browser.findElement(By.id("profile-assignments")).getText())
        .contains("Administrator (Legacy)")
        .contains("User's tenant");
    assertThat(browser.findElements(By.cssSelector("details.tenant-permissions")))
        .extracting(e -> e.getAttribute("data-tenant"))
        .containsExactly("Own " + suffix);
    screenshot("profile.png");
  }
}
