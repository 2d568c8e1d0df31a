package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Users → Add user: from an Azure Object ID (the service's refusal shown by the form) and by
 * promoting a person.
 */
class UserPagesTest extends ConsoleTest {

  @Test
  void anAdministratorAddsAUserFromAnObjectIdAfterFixingTheGuidTheServiceRefused() {
    String suffix = shortId();
    String tenant = "Northwind " + suffix;
    UUID tenantId = data.clientTenant(tenant);
    signIn(data.mspAdmin("Alex", "Adder"));

    open("/users-roles/users");
    browser.findElement(By.cssSelector("#add-user summary")).click();
    pick("m-tenant", tenant);
    browser.findElement(By.id("m-given")).sendKeys("Nora");
    browser.findElement(By.id("m-family")).sendKeys("New" + suffix);
    browser.findElement(By.id("m-email")).sendKeys("nora." + suffix + "@example.com");
    browser.findElement(By.id("m-oid")).sendKeys("not-a-guid");
    clickAndWait(browser.findElement(By.cssSelector("#manual-form button")));
    assertThat(waitFor(By.id("manual-error")).getText()).startsWith("azureObjectId must be a GUID");
    assertThat(browser.findElement(By.id("m-family")).getAttribute("value"))
        .isEqualTo("New" + suffix);
    screenshot("users-add.png");

    String oid = UUID.randomUUID().toString();
    browser.findElement(By.id("m-oid")).clear();
    browser.findElement(By.id("m-oid")).sendKeys(oid);
    clickAndWait(browser.findElement(By.cssSelector("#manual-form button")));
    assertThat(mainText()).contains("User 'Nora New" + suffix + "' added");
    assertThat(browser.findElement(By.id("results")).getText())
        .contains("Nora New" + suffix)
        .contains(tenant);
    assertThat(
            jdbc.sql(
                    """
        select p.source from app_user u join person p on p.id = u.person_id
        where p.tenant_id = ? and u.entra_object_id = ?::uuid""")
                .params(tenantId, oid)
                .query(String.class)
                .single())
        .isEqualTo("MANUAL");
  }

  @Test
  void anExistingPersonIsPromotedToAUserAndLeavesTheList() {
    String suffix = shortId();
    UUID tenantId = data.clientTenant("Fabrikam " + suffix);
    data.person(tenantId, "Pat", "Promoted" + suffix, "AZURE");
    signIn(data.mspAdmin("Avery", "Promoter"));

    open("/users-roles/users");
    browser.findElement(By.cssSelector("#add-user summary")).click();
    assertThat(options("p-person", "Promoted" + suffix)).containsExactly("Pat Promoted" + suffix);
    pick("p-person", "Pat Promoted" + suffix);
    clickAndWait(browser.findElement(By.cssSelector("#promote-form button")));
    assertThat(mainText()).contains("User 'Pat Promoted" + suffix + "' added");
    assertThat(browser.findElement(By.id("results")).getText()).contains("Pat Promoted" + suffix);
    browser.findElement(By.cssSelector("#add-user summary")).click();
    assertThat(options("p-person", "Promoted" + suffix))
        .as("a user already is not offered again")
        .containsExactly("No match among what you may see");
  }
}
