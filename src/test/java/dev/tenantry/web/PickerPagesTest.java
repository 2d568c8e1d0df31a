package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Pickers are search-as-you-type over what the caller may see, never a capped list: a tenant that
 * sorts after 520 others is found by typing, and a tenant administrator is offered only their own
 * tenant.
 */
class PickerPagesTest extends ConsoleTest {

  @Test
  void checkAccessFindsATenantBeyondAnyListCapByTypingAndOffersOnlyVisibleTenants() {
    String suffix = shortId();
    UUID msp = data.mspTenant();
    jdbc.sql(
            """
        insert into tenant (id, name, slug, kind, parent_id, msp_id)
        select gen_random_uuid(), 'Zzz Filler ' || ? || ' ' || g, 'zzz-filler-' || ? || '-' || g,
               'CLIENT', ?, ?
          from generate_series(1, 520) g""")
        .params(suffix, suffix.toLowerCase(), msp, msp)
        .update();
    UUID own = data.clientTenant("Zzzz Picker " + suffix); // sorts after the 520 fillers
    data.clientTenant("Zzzz Hidden " + suffix);
    try {
      pickAndCheck(suffix, own);
    } finally { // other console tests pick from capped lists of the shared database
      jdbc.sql("delete from tenant where name like ?")
          .param("Zzz Filler " + suffix + " %")
          .update();
    }
  }

  private void pickAndCheck(String suffix, UUID own) {
    var tenantAdmin = data.user(own, "Tia", "Own" + suffix);
    data.allow(tenantAdmin.id(), BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "TENANT", own);
    signIn(data.mspAdmin("Pia", "Picker" + suffix));

    open("/users/" + tenantAdmin.id() + "/check-access");
    browser.findElement(By.id("check-permission")).sendKeys("Computers – View computers");
    assertThat(options("check-tenant", "Hidden " + suffix))
        .containsExactly("Zzzz Hidden " + suffix);
    pick("check-tenant", "Zzzz Picker " + suffix);
    clickAndWait(browser.findElement(By.id("check-button")));
    assertThat(browser.findElement(By.cssSelector("#check-result .verdict")).getText())
        .isEqualTo("ALLOW");
    assertThat(browser.findElement(By.id("check-tenant-q")).getDomProperty("value"))
        .isEqualTo("Zzzz Picker " + suffix);
    screenshot("picker.png");

    browser.manage().deleteAllCookies();
    signIn(tenantAdmin);
    open("/users/" + tenantAdmin.id() + "/check-access");
    assertThat(options("check-tenant", "Picker " + suffix))
        .containsExactly("Zzzz Picker " + suffix);
    assertThat(options("check-tenant", "Hidden " + suffix))
        .containsExactly("No match among what you may see");
  }
}
