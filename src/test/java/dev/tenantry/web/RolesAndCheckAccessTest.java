package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A custom role made in the role editor, assigned at a tenant-tag scope, then checked with Check
 * Access.
 */
class RolesAndCheckAccessTest extends ConsoleTest {

  @Test
  void aCustomRoleAssignedByTenantTagAllowsOnTaggedTenantsOnlyAndCheckAccessSaysWhy() {
    String suffix = shortId();
    UUID gold = data.clientTenant("Gold Client " + suffix);
    UUID plain = data.clientTenant("Plain Client " + suffix);
    data.tagTenant(gold, data.tag("Gold " + suffix));
    var tech = data.user(plain, "Dana", "Technician" + suffix);
    signIn(data.mspAdmin("Quinn", "Roles"));

    // searched: the first page (by name) holds whatever roles other tests made sort first
    open("/users-roles/roles?q=Legacy");
    assertThat(
            browser
                .findElement(By.cssSelector("tr[data-role='System Administrator (Legacy)']"))
                .getText())
        .contains("built-in · read-only");
    screenshot("roles.png");
    clickAndWait(browser.findElement(By.id("new-role")));
    String role = "Gold computers " + suffix;
    browser.findElement(By.id("role-name")).sendKeys(role);
    browser.findElement(By.id("permission-search")).sendKeys("computer");
    assertThat(
            browser.findElement(By.cssSelector("[data-permission='billing:manage']")).isDisplayed())
        .isFalse();
    browser.findElement(By.cssSelector("[data-select-all='perm-computers']")).click();
    screenshot("role-editor.png");
    clickAndWait(browser.findElement(By.id("save-role")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("Role '" + role + "' saved");
    String[] saved =
        jdbc.sql("select permissions from role where name = ?")
            .param(role)
            .query((rs, n) -> (String[]) rs.getArray(1).getArray())
            .single();
    assertThat(Arrays.stream(saved).allMatch(p -> p.startsWith("computers:"))).isTrue();
    assertThat(saved).contains("computers:view", "computers:manage");

    open("/users/" + tech.id() + "/assignments");
    pick("assign-role", role);
    select(By.id("assign-scope-kind"), "Tenant tag");
    pick("assign-tag", "Gold " + suffix);
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Assigned " + role + " (ALLOW) at Tenant tag Gold " + suffix);

    open("/users/" + tech.id() + "/check-access");
    browser.findElement(By.id("check-permission")).sendKeys("Computers – View computers");
    pick("check-tenant", "Gold Client " + suffix);
    clickAndWait(browser.findElement(By.id("check-button")));
    assertThat(browser.findElement(By.cssSelector("#check-result .verdict")).getText())
        .isEqualTo("ALLOW");
    assertThat(browser.findElement(By.id("check-rule")).getText())
        .startsWith("Allowed: a matching Allow assignment");
    assertThat(browser.findElement(By.id("check-matches")).getText())
        .contains(role)
        .contains("Tenant tag Gold " + suffix)
        .contains("Directly assigned");
    screenshot("check-access.png");

    pick("check-tenant", "Plain Client " + suffix);
    clickAndWait(browser.findElement(By.id("check-button")));
    assertThat(browser.findElement(By.cssSelector("#check-result .verdict")).getText())
        .isEqualTo("DENY");
    assertThat(browser.findElement(By.id("check-rule")).getText()).startsWith("Denied by default");
  }

  @Test
  void aBuiltInRoleIsShownReadOnly() {
    signIn(data.mspAdmin("Read", "Only"));
    // searched: the first page (by name) holds whatever roles other tests made sort first
    open("/users-roles/roles?q=Legacy");
    clickAndWait(browser.findElement(By.linkText("User (Legacy)")));
    assertThat(mainText()).contains("Built-in roles are read-only");
    assertThat(browser.findElements(By.id("save-role"))).isEmpty();
    assertThat(browser.findElement(By.id("role-name")).isEnabled()).isFalse();
  }

  @Test
  void aRoleGrantedThroughAGroupIsExplainedAsComingFromThatGroup() {
    String suffix = shortId();
    UUID tenant = data.clientTenant("Group Client " + suffix);
    var member = data.user(tenant, "Gale", "Member" + suffix);
    signIn(data.mspAdmin("Glen", "Groups"));
    open("/users-roles/groups");
    browser.findElement(By.name("name")).sendKeys("Helpdesk " + suffix);
    clickAndWait(browser.findElement(By.xpath("//button[text()='Create group']")));
    pick("member-user", "Gale Member" + suffix);
    clickAndWait(browser.findElement(By.xpath("//button[text()='Add']")));
    assertThat(mainText()).contains("Member added").contains("Gale Member" + suffix);
    pick("assign-role", "User (Legacy)");
    select(By.id("assign-scope-kind"), "Tenant");
    pick("assign-tenant", "Group Client " + suffix);
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("Assigned User (Legacy) (ALLOW)");

    open("/users/" + member.id() + "/check-access");
    browser.findElement(By.id("check-permission")).sendKeys("Computers – View computers");
    pick("check-tenant", "Group Client " + suffix);
    clickAndWait(browser.findElement(By.id("check-button")));
    assertThat(browser.findElement(By.cssSelector("#check-result .verdict")).getText())
        .isEqualTo("ALLOW");
    assertThat(browser.findElement(By.id("check-matches")).getText())
        .contains("Through group Helpdesk " + suffix);
  }
}
