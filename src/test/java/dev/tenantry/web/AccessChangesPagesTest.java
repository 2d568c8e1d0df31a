package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * DESIGN §3.10 in the console: a form whose change would give someone new access shows who gains
 * what, and applies the change only when the user confirms that list.
 */
class AccessChangesPagesTest extends ConsoleTest {

  private long tagged(UUID tenant, UUID tag) {
    return jdbc.sql("select count(*) from tenant_tag where tenant_id = ? and tag_id = ?")
        .params(tenant, tag)
        .query(Long.class)
        .single();
  }

  @Test
  void taggingATenantShowsWhoGainsAccessAndAppliesOnlyOnConfirmation() {
    String suffix = shortId();
    String tagName = "Escalation " + suffix;
    UUID tenant = data.clientTenant("Tailspin " + suffix);
    UUID tag = data.tag(tagName);
    TestUser holder =
        testUsers.user(
            testUsers.mspTenant(),
            Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenantTag(tag)));
    signIn(data.mspAdmin("Casey", "Confirm"));

    open("/tenants/" + tenant);
    select(By.id("add-tag"), tagName);
    clickAndWait(
        browser
            .findElement(By.cssSelector("#add-tag"))
            .findElement(By.xpath("ancestor::form//button")));

    assertThat(browser.findElement(By.cssSelector("main h1")).getText())
        .isEqualTo("This change gives people new access");
    String list = browser.findElement(By.id("access-changes")).getText();
    assertThat(list)
        .containsAnyOf(holder.id().toString(), "User " + holder.oid().toString().substring(0, 6))
        .containsAnyOf(tenant.toString(), "Tailspin " + suffix)
        .contains("computers:view");
    assertThat(tagged(tenant, tag)).isZero();
    screenshot("access-changes-confirm.png");

    clickAndWait(browser.findElement(By.id("confirm-access-changes")));

    assertThat(mainText()).contains("Tag added");
    assertThat(browser.findElement(By.id("tenant-tags")).getText()).contains(tagName);
    assertThat(tagged(tenant, tag)).isEqualTo(1);
  }
}
