package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console discloses nothing the signed-in user cannot view: a user's assignments page for a
 * user of a hidden tenant is the same 404 page as for a random id, and the header names the
 * instance MSP only to those who may view that tenant.
 */
class ConsoleDisclosureTest extends ConsoleTest {
  private static final String IDS = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void anotherMspsCustomerSeesNeitherTheInstanceNameNorHiddenUsers() {
    String suffix = shortId();
    UUID otherMsp = testUsers.tenant("Other MSP " + suffix, null, true);
    UUID customer = testUsers.tenant("Customer " + suffix, otherMsp, false);
    var admin = data.user(customer, "Cleo", "Customer" + suffix);
    data.allow(admin.id(), BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "USERS_TENANT", null);
    var hidden = data.user(data.clientTenant("Hidden " + suffix), "Hank", "Hidden" + suffix);
    String mspName =
        jdbc.sql("select name from tenant where id = ?")
            .param(data.mspTenant())
            .query(String.class)
            .single();

    signIn(admin);
    assertThat(browser.findElement(By.cssSelector("a.brand")).getText())
        .isEqualTo("Tenantry")
        .isNotEqualTo(mspName);

    open("/users/" + hidden.id() + "/assignments");
    String forHidden = mainText();
    String hiddenTitle = browser.getTitle();
    open("/users/" + UUID.randomUUID() + "/assignments");
    assertThat(forHidden).doesNotContain("Hank").doesNotContain("Hidden" + suffix);
    assertThat(forHidden.replaceAll(IDS, "<id>"))
        .contains("was not found")
        .isEqualTo(mainText().replaceAll(IDS, "<id>"));
    assertThat(hiddenTitle).isEqualTo(browser.getTitle());

    open("/users/" + admin.id() + "/assignments");
    assertThat(mainText()).contains("Cleo");
  }

  @Test
  void anIdentityWithoutAUserDoesNotSeeTheInstanceName() {
    UUID oid = UUID.randomUUID();
    signIn(
        new ConsoleData.User(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            oid,
            "Nina Nobody",
            oid + "@example.com"));
    assertThat(browser.findElement(By.cssSelector("a.brand")).getText()).isEqualTo("Tenantry");
  }

  @Test
  void theInstanceAdministratorSeesTheInstanceName() {
    var msp = data.mspAdmin("Mia", "Msp" + shortId());
    String mspName =
        jdbc.sql("select name from tenant where id = ?")
            .param(data.mspTenant())
            .query(String.class)
            .single();
    signIn(msp);
    assertThat(browser.findElement(By.cssSelector("a.brand")).getText()).isEqualTo(mspName);
  }
}
