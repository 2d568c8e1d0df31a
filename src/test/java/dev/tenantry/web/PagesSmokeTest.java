package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Every console page renders inside the layout for an MSP administrator. */
class PagesSmokeTest extends ConsoleTest {

  @Test
  void everyPageRendersInTheLayoutWithTheSignedInUsersName() {
    var admin = data.mspAdmin("Morgan", "Smoke");
    UUID tenant = data.clientTenant("Smoke " + shortId());
    data.computer(tenant, "smoke-pc-1");
    signIn(admin);
    assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Morgan Smoke");
    for (String path : new String[] {"/tenants", "/tenants/" + tenant, "/computers", "/people",
        "/users-roles/users", "/users-roles/access-requests", "/audit", "/users/" + admin.id()}) {
      open(path);
      assertThat(browser.findElement(By.id("signed-in-user")).getText()).as(path).isEqualTo("Morgan Smoke");
      assertThat(browser.getPageSource()).as(path).doesNotContain("Exception");
    }
  }
}
