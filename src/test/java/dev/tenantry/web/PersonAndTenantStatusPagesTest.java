package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A tenant deactivated and activated again from its page; a person edited (names, e-mail, tags).
 */
class PersonAndTenantStatusPagesTest extends ConsoleTest {

  @Test
  void aTenantIsDeactivatedAndActivatedFromItsPage() {
    String name = "Contoso " + shortId();
    UUID tenantId = data.clientTenant(name);
    signIn(data.mspAdmin("Dana", "Deactivator"));

    open("/tenants/" + tenantId);
    clickAndWait(browser.findElement(By.id("toggle-active")));
    assertThat(mainText()).contains("Tenant deactivated");
    assertThat(browser.findElement(By.id("tenant-inactive")).getText()).isEqualTo("inactive");
    assertThat(browser.findElement(By.id("toggle-active")).getText()).isEqualTo("Activate tenant");
    assertThat(
            jdbc.sql("select active from tenant where id = ?")
                .param(tenantId)
                .query(Boolean.class)
                .single())
        .isFalse();

    clickAndWait(browser.findElement(By.id("toggle-active")));
    assertThat(mainText()).contains("Tenant activated");
    assertThat(browser.findElements(By.id("tenant-inactive"))).isEmpty();
    assertThat(
            jdbc.sql("select active from tenant where id = ?")
                .param(tenantId)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void editingAnAzurePersonWarnsThatTheSyncOverwritesTheChangeAndTagsAreAddedAndRemoved() {
    String suffix = shortId();
    UUID tenantId = data.clientTenant("Adatum " + suffix);
    UUID personId = data.person(tenantId, "Sam", "Synced" + suffix, "AZURE");
    String tag = "VIP " + suffix;
    data.tag(tag);
    signIn(data.mspAdmin("Erin", "Editor"));

    open("/people?tenantId=" + tenantId);
    clickAndWait(browser.findElement(By.linkText("Sam Synced" + suffix)));
    assertThat(browser.findElement(By.id("synced-warning")).getText())
        .contains("synced from Azure");

    browser.findElement(By.id("familyName")).clear();
    browser.findElement(By.id("familyName")).sendKeys("Edited" + suffix);
    clickAndWait(browser.findElement(By.cssSelector("#person-form button")));
    assertThat(mainText())
        .contains("Saved")
        .contains(
            "familyName is synced from Azure: this manual change will be overwritten by the next Azure sync");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Sam Edited" + suffix);

    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys("sam@example.com");
    browser.findElement(By.id("azureObjectId")).clear();
    browser.findElement(By.id("azureObjectId")).sendKeys("nope");
    clickAndWait(browser.findElement(By.cssSelector("#person-form button")));
    assertThat(browser.findElement(By.id("person-error")).getText()).contains("must be a GUID");
    assertThat(browser.findElement(By.id("email")).getAttribute("value"))
        .isEqualTo("sam@example.com");
    assertThat(browser.findElement(By.id("azureObjectId")).getAttribute("value")).isEqualTo("nope");

    open("/people/" + personId);
    pick("add-person-tag", tag);
    clickAndWait(browser.findElement(By.id("add-person-tag-button")));
    assertThat(browser.findElement(By.id("person-tags")).getText()).contains(tag);
    screenshot("person-edit.png");
    clickAndWait(
        browser.findElement(By.cssSelector("button[aria-label='Remove tag " + tag + "']")));
    assertThat(browser.findElement(By.id("person-tags")).getText()).doesNotContain(tag);
    assertThat(
            jdbc.sql("select family_name from person where id = ?")
                .param(personId)
                .query(String.class)
                .single())
        .isEqualTo("Edited" + suffix);
  }
}
