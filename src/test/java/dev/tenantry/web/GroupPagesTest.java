package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A group renamed and described on its page, then deleted (with its role assignments). */
class GroupPagesTest extends ConsoleTest {

  @Test
  void aGroupIsRenamedAndThenDeletedWithItsAssignments() {
    String suffix = shortId();
    data.clientTenant("Group Edit Client " + suffix);
    signIn(data.mspAdmin("Harper", "Groups"));
    open("/users-roles/groups");
    browser.findElement(By.name("name")).sendKeys("Night shift " + suffix);
    clickAndWait(browser.findElement(By.xpath("//button[text()='Create group']")));
    pick("assign-role", "User (Legacy)");
    select(By.id("assign-scope-kind"), "Tenant");
    pick("assign-tenant", "Group Edit Client " + suffix);
    clickAndWait(browser.findElement(By.id("assign-button")));

    browser.findElement(By.id("group-name")).clear();
    browser.findElement(By.id("group-name")).sendKeys("Day shift " + suffix);
    browser.findElement(By.id("group-description")).sendKeys("Helpdesk, 8 to 5");
    clickAndWait(browser.findElement(By.id("save-group")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Group 'Day shift " + suffix + "' saved");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Group Day shift " + suffix);
    assertThat(browser.findElement(By.id("group-description")).getAttribute("value"))
        .isEqualTo("Helpdesk, 8 to 5");
    screenshot("group-edit.png");

    confirmAndWait(browser.findElement(By.id("delete-group")));
    assertThat(mainText())
        .contains("Group 'Day shift " + suffix + "' deleted with its role assignments")
        .doesNotContain("Night shift " + suffix);
    assertThat(
            jdbc.sql("select count(*) from user_group where name like ?")
                .param("%shift " + suffix)
                .query(Long.class)
                .single())
        .isZero();
  }
}
