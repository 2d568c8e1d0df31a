package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The computer list's batch "Change tenant" action. */
class ComputerPagesTest extends ConsoleTest {

  @Test
  void selectedComputersMoveToTheChosenTenantAndTheOthersStay() {
    String suffix = shortId();
    UUID from = data.clientTenant("Contoso " + suffix);
    UUID to = data.clientTenant("Fabrikam " + suffix);
    UUID first = data.computer(from, "contoso-ws-01");
    UUID second = data.computer(from, "contoso-ws-02");
    UUID stays = data.computer(from, "contoso-srv-01");
    signIn(data.mspAdmin("Jordan", "Mover"));
    open("/computers?tenantId=" + from);
    assertThat(browser.findElements(By.cssSelector("tr[data-computer]"))).hasSize(3);
    browser.findElement(By.cssSelector("tr[data-computer='contoso-ws-01'] input")).click();
    browser.findElement(By.cssSelector("tr[data-computer='contoso-ws-02'] input")).click();
    pick("target-tenant", "Fabrikam " + suffix);
    screenshot("computers.png");
    clickAndWait(browser.findElement(By.id("change-tenant")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Moved 2 computer(s) to Fabrikam " + suffix);
    assertThat(browser.findElements(By.cssSelector("tr[data-computer]"))).hasSize(1);
    assertThat(data.tenantOf(first)).isEqualTo(to);
    assertThat(data.tenantOf(second)).isEqualTo(to);
    assertThat(data.tenantOf(stays)).isEqualTo(from);
  }

  @Test
  void changingTenantWithNothingSelectedSaysSoAndMovesNothing() {
    String name = "Northwind " + shortId();
    UUID from = data.clientTenant(name);
    UUID pc = data.computer(from, "northwind-ws-01");
    signIn(data.mspAdmin("Jamie", "Careful"));
    open("/computers?tenantId=" + from);
    assertThat(browser.findElement(By.id("filter-tenant-q")).getDomProperty("value"))
        .isEqualTo(name);
    pick("target-tenant", name);
    clickAndWait(browser.findElement(By.id("change-tenant")));
    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo("Select at least one computer to move");
    assertThat(data.tenantOf(pc)).isEqualTo(from);
  }
}
