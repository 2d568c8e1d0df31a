package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Tenants: create under a parent, the tree, inherited preferences with their source, tags, refused
 * delete.
 */
class TenantPagesTest extends ConsoleTest {

  @Test
  void aChildTenantAppearsUnderItsParentAndShowsWhereItsPreferencesComeFrom() {
    String suffix = shortId();
    String parent = "Woodgrove " + suffix;
    String child = "Woodgrove Branch " + suffix;
    var parentId = data.clientTenant(parent);
    data.computer(parentId, "woodgrove-ws-01");
    data.tag("Gold " + suffix);
    signIn(data.mspAdmin("Taylor", "Tenant"));

    open("/tenants/" + parentId);
    WebElement channel =
        browser.findElement(By.cssSelector("input[aria-label='Value of agent.updateChannel']"));
    channel.sendKeys("BETA");
    clickAndWait(channel.findElement(By.xpath("following-sibling::button")));
    assertThat(mainText()).contains("Preference 'agent.updateChannel' saved");

    open("/tenants");
    browser.findElement(By.id("name")).sendKeys(child);
    pick("parentId", parent);
    clickAndWait(browser.findElement(By.cssSelector("form[action='/tenants'] button")));
    assertThat(mainText()).contains("Tenant '" + child + "' created");
    pick("add-tag", "Gold " + suffix);
    clickAndWait(
        browser
            .findElement(By.cssSelector("#add-tag"))
            .findElement(By.xpath("ancestor::form//button")));
    assertThat(browser.findElement(By.id("tenant-tags")).getText()).contains("Gold " + suffix);
    WebElement row =
        browser.findElement(
            By.xpath("//table[@id='preferences']//tr[td[1]='agent.updateChannel']"));
    assertThat(row.getText()).contains("\"BETA\"").contains("inherited from " + parent);
    screenshot("tenant-edit.png");

    open(
        "/tenants?q="
            + java.net.URLEncoder.encode(parent, java.nio.charset.StandardCharsets.UTF_8));
    browser
        .findElement(By.cssSelector("li[data-tenant='" + parent + "'] > details > summary"))
        .click(); // the children load on expand
    assertThat(
            waitFor(
                    By.cssSelector(
                        "li[data-tenant='" + parent + "'] li[data-tenant='" + child + "']"))
                .getText())
        .contains("Gold " + suffix);
    screenshot("tenants.png");

    open("/tenants/" + parentId);
    confirmAndWait(browser.findElement(By.id("delete-tenant")));
    assertThat(browser.findElement(By.id("delete-error")).getText())
        .startsWith("Tenant '" + parent + "' is not empty")
        .contains("move or remove these first");
    assertThat(
            jdbc.sql("select count(*) from tenant where id = ?")
                .param(parentId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aTenantWithAnInvalidEntraLinkIsNotCreatedAndTheFormSaysWhy() {
    signIn(data.mspAdmin("Robin", "Typo"));
    open("/tenants");
    browser.findElement(By.id("name")).sendKeys("Typo " + shortId());
    browser.findElement(By.id("azureTenantId")).sendKeys("not-a-guid");
    clickAndWait(browser.findElement(By.cssSelector("form[action='/tenants'] button")));
    assertThat(browser.findElement(By.cssSelector("main .error")).getText())
        .startsWith("The Entra tenant id must be a GUID");
  }

  @Test
  void onAPhoneTheTenantsPageFitsTheScreenWidth() {
    String name = "Phone Client " + shortId();
    data.clientTenant(name);
    signIn(data.mspAdmin("Pat", "Phone"));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    open("/tenants?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    waitFor(By.cssSelector("li[data-tenant='" + name + "']"));
    screenshot("tenants-narrow.png");
    assertThat(browser.findElement(By.id("tenant-tree")).getText())
        .doesNotContain("You cannot see any tenant");
    Object overflow =
        browser.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    Object culprits =
        browser.executeScript(
            """
        const w = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > w + 1)
          .slice(0, 5)
          .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 60))
          .join(' | ');""");
    assertThat(((Number) overflow).longValue())
        .as("horizontal overflow in px; wider than the screen: " + culprits)
        .isLessThanOrEqualTo(0);
  }
}
