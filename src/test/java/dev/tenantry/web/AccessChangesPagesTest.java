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
    pick("add-tag", tagName);
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

  @Test
  void aLongAccessChangeListIsSummarisedAndPagedWithTheApisDigest() {
    String suffix = shortId();
    String tagName = "Wide " + suffix;
    UUID tenant = data.clientTenant("Northwind " + suffix);
    UUID tag = data.tag(tagName);
    for (int i = 0; i < 4; i++) { // 4 holders × every subject of the role: more than a page of rows
      testUsers.user(
          testUsers.mspTenant(),
          Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenantTag(tag)));
    }
    var admin = testUsers.mspAdmin();
    var apiAnswer = admin.http().put("/api/v1/tenants/" + tenant + "/tags/" + tag, null);
    assertThat(apiAnswer.status()).isEqualTo(409);
    String apiDigest = apiAnswer.json().path("digest").asString();
    int apiRows = apiAnswer.json().path("accessChanges").path("rows").size();
    assertThat(apiRows).isGreaterThan(AccessChangeTablesSize.SIZE);

    signIn(data.mspAdmin("Paige", "Pager"));
    open("/tenants/" + tenant);
    pick("add-tag", tagName);
    clickAndWait(
        browser
            .findElement(By.cssSelector("#add-tag"))
            .findElement(By.xpath("ancestor::form//button")));

    assertThat(
            browser
                .findElement(
                    By.cssSelector("#access-changes-confirm input[name=acceptAccessChanges]"))
                .getDomProperty("value"))
        .isEqualTo(apiDigest);
    assertThat(browser.findElements(By.cssSelector("#access-changes tbody tr")))
        .hasSize(AccessChangeTablesSize.SIZE);
    assertThat(browser.findElements(By.cssSelector("#access-summary-table tbody tr")))
        .hasSize(AccessChangeTablesSize.SIZE);
    String firstRow = browser.findElement(By.cssSelector("#access-changes tbody tr")).getText();
    browser.findElement(By.id("access-details-next")).click();
    waitForText(By.cssSelector("#access-details p.muted"), "page 2 of");
    assertThat(browser.findElements(By.cssSelector("#access-changes tbody tr")))
        .hasSize(Math.min(AccessChangeTablesSize.SIZE, apiRows - AccessChangeTablesSize.SIZE));
    assertThat(browser.findElement(By.cssSelector("#access-changes tbody tr")).getText())
        .isNotEqualTo(firstRow);
    browser.findElement(By.id("access-summary-next")).click();
    waitForText(By.cssSelector("#access-summary p.muted"), "page 2 of");
    screenshot("access-changes-paged.png");

    clickAndWait(browser.findElement(By.id("confirm-access-changes")));
    assertThat(mainText()).contains("Tag added");
    assertThat(tagged(tenant, tag)).isEqualTo(1);
  }

  /** The page size of the confirmation's tables (AccessChangeTables.SIZE). */
  private static final class AccessChangeTablesSize {
    static final int SIZE = 50;
  }
}
