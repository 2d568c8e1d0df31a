package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The assign-a-role form's RESOURCE scope: one computer, and computer types limited to a tenant.
 */
class ResourceScopePagesTest extends ConsoleTest {
  private static final String ROLE = "Computer Terminal User";

  /**
   * The user given MSP-limited selectors on the shared MSP: they would make later computers there
   * §3.10 gains for other classes, so they end with the test.
   */
  private UUID mspLimitedHolder;

  @AfterEach
  void removeMspLimitedSelectors() {
    if (mspLimitedHolder != null) {
      testUsers.removeAssignmentsOf(mspLimitedHolder);
    }
  }

  @Test
  void aRoleIsAssignedOnOneComputerAndOnComputerTypesInATenant() {
    String suffix = shortId();
    String tenant = "Litware " + suffix;
    UUID tenantId = data.clientTenant(tenant);
    UUID pc = data.computer(tenantId, "litware-pc-" + suffix);
    var tech = data.user(tenantId, "Robin", "Resource" + suffix);
    signIn(data.mspAdmin("Morgan", "Scoper"));

    open("/users/" + tech.id() + "/assignments");
    pick("assign-role", ROLE);
    select(By.id("assign-scope-kind"), "Resource");
    select(By.id("assign-resource-kind"), "One computer");
    pick("assign-computer", "litware-pc-" + suffix);
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Assigned " + ROLE + " (ALLOW) at Computer litware-pc-" + suffix);

    pick("assign-role", ROLE);
    select(By.id("assign-scope-kind"), "Resource");
    select(By.id("assign-resource-kind"), "Computers of some types");
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.cssSelector("main .error")).getText())
        .isEqualTo("scope.resource.types needs at least one computer type");

    pick("assign-role", ROLE);
    select(By.id("assign-scope-kind"), "Resource");
    select(By.id("assign-resource-kind"), "Computers of some types");
    browser.findElement(By.id("assign-type-SERVER")).click();
    browser.findElement(By.id("assign-type-DOMAIN_CONTROLLER")).click();
    pick("assign-resource-tenant", tenant);
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Assigned "
                + ROLE
                + " (ALLOW) at Computers of type SERVER, DOMAIN_CONTROLLER in "
                + tenant);
    assertThat(browser.findElement(By.cssSelector("table.assignments")).getText())
        .contains("Computer litware-pc-" + suffix)
        .contains("Computers of type SERVER, DOMAIN_CONTROLLER in " + tenant);
    screenshot("assignments-resource.png");
    assertThat(
            jdbc.sql(
                    "select count(*) from role_assignment where user_id = ? and scope_kind = 'RESOURCE'")
                .param(tech.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select resource_computer_id from role_assignment where user_id = ? and resource_kind = 'COMPUTER'")
                .param(tech.id())
                .query(UUID.class)
                .single())
        .isEqualTo(pc);
  }

  /** DESIGN §2: tag scopes and computer selectors can be limited to an MSP, picked among MSPs. */
  @Test
  void aTagScopeAndAComputerSelectorAreLimitedToAnMspPickedAmongMsps() {
    String suffix = shortId();
    UUID tenantId = data.clientTenant("Fourth Coffee " + suffix);
    String tag = "gold-" + suffix;
    data.tag(tag);
    String msp =
        jdbc.sql("select name from tenant where id = ?")
            .param(data.mspTenant())
            .query(String.class)
            .single();
    var tech = data.user(tenantId, "Mia", "Msp" + suffix);
    mspLimitedHolder = tech.id();
    signIn(data.mspAdmin("Morgan", "Limiter"));

    open("/users/" + tech.id() + "/assignments");
    pick("assign-role", ROLE);
    select(By.id("assign-scope-kind"), "Resource");
    select(By.id("assign-resource-kind"), "Computers with a tag");
    pick("assign-computer-tag", tag);
    pick("assign-resource-msp", msp);
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Assigned " + ROLE + " (ALLOW) at Computers tagged " + tag + " in MSP " + msp);

    pick("assign-role", ROLE);
    select(By.id("assign-scope-kind"), "Tenant tag");
    pick("assign-tag", tag);
    pick("assign-msp", msp);
    clickAndWait(browser.findElement(By.id("assign-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Assigned " + ROLE + " (ALLOW) at Tenant tag " + tag + " in MSP " + msp);
    assertThat(
            jdbc.sql(
                    "select count(*) from role_assignment where user_id = ? and scope_tenant_id = ?"
                        + " and (scope_msp_limit or scope_kind = 'TENANT_TAG')")
                .params(tech.id(), data.mspTenant())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }
}
