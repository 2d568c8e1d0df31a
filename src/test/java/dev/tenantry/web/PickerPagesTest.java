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
        select gen_random_uuid(), 'Aaa Filler ' || ? || ' ' || g, 'aaa-filler-' || ? || '-' || g,
               'CLIENT', ?, ?
          from generate_series(1, 520) g""")
        .params(suffix, suffix.toLowerCase(), msp, msp)
        .update();
    UUID own = data.clientTenant("Zz Picker " + suffix);
    data.clientTenant("Zz Hidden " + suffix);
    var tenantAdmin = data.user(own, "Tia", "Own" + suffix);
    data.allow(tenantAdmin.id(), BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "TENANT", own);
    signIn(data.mspAdmin("Pia", "Picker" + suffix));

    open("/users/" + tenantAdmin.id() + "/check-access");
    browser.findElement(By.id("check-permission")).sendKeys("Computers – View computers");
    assertThat(options("check-tenant", "Zz "))
        .contains("Zz Picker " + suffix, "Zz Hidden " + suffix);
    pick("check-tenant", "Zz Picker " + suffix);
    clickAndWait(browser.findElement(By.id("check-button")));
    assertThat(browser.findElement(By.cssSelector("#check-result .verdict")).getText())
        .isEqualTo("ALLOW");
    assertThat(browser.findElement(By.id("check-tenant-q")).getDomProperty("value"))
        .isEqualTo("Zz Picker " + suffix);
    screenshot("picker.png");

    browser.manage().deleteAllCookies();
    signIn(tenantAdmin);
    open("/users/" + tenantAdmin.id() + "/check-access");
    assertThat(options("check-tenant", "Zz ")).containsExactly("Zz Picker " + suffix);
    assertThat(options("check-tenant", "Aaa Filler " + suffix))
        .containsExactly("No match among what you may see");
  }
}
