package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10, "sizes that do not grow with the instance": the 600th of 600 tenants under one parent
 * (beyond the 500 the console used to list) is reached in the tenant tree by paging its parent's
 * children and by search, and is offered by the pickers that replaced capped selects (role owner,
 * library owner filter, schedule tenant).
 */
class BeyondTheOldCapPagesTest extends ConsoleTest {
  private static final int TENANTS = 600;
  private String suffix;
  private UUID parent;

  @BeforeEach
  void sixHundredTenantsUnderOneParent() {
    suffix = shortId();
    parent = data.clientTenant("Cap Parent " + suffix);
    UUID msp = data.mspTenant();
    jdbc.sql(
            """
        insert into tenant (id, name, slug, kind, parent_id, msp_id)
        select gen_random_uuid(), 'Zzy Cap ' || ? || ' ' || lpad(g::text, 3, '0'),
               'zzy-cap-' || ? || '-' || g, 'CLIENT', ?, ?
          from generate_series(1, ?) g""")
        .params(suffix, suffix.toLowerCase(), parent, msp, TENANTS)
        .update();
  }

  @AfterEach
  void removeTheFillers() { // other console tests share the database
    jdbc.sql("delete from role where owner_tenant_id in (select id from tenant where name like ?)")
        .param("Zzy Cap " + suffix + " %")
        .update();
    jdbc.sql("delete from tenant where name like ?").param("Zzy Cap " + suffix + " %").update();
  }

  private String last() {
    return "Zzy Cap " + suffix + " " + TENANTS;
  }

  @Test
  void theTreePagesAParentsChildrenOnExpandAndSearchFindsTheLastOne() {
    signIn(data.mspAdmin("Tara", "Tree"));
    open("/tenants");
    browser.findElement(By.id("tree-q")).sendKeys("Cap Parent " + suffix);
    waitForText(By.id("tree-count"), "1 tenant(s) match");
    browser
        .findElement(
            By.cssSelector("li[data-tenant='Cap Parent " + suffix + "'] > details > summary"))
        .click();
    By children = By.cssSelector("li[data-tenant='Cap Parent " + suffix + "'] li[data-tenant]");
    assertThat(
            browser
                .findElement(
                    By.cssSelector(
                        "li[data-tenant='Cap Parent " + suffix + "'] > details > summary"))
                .getText())
        .isEqualTo(TENANTS + " child tenant(s)");
    int shown = 0;
    for (int page = 1; page <= TENANTS / 50; page++) {
      int expected = page * 50;
      new WebDriverWait(browser, WAIT).until(d -> d.findElements(children).size() == expected);
      shown = expected;
      if (page < TENANTS / 50) {
        browser.findElement(By.cssSelector("li.tree-more button")).click();
      }
    }
    assertThat(shown).isEqualTo(TENANTS);
    assertThat(browser.findElements(By.cssSelector("li[data-tenant='" + last() + "']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("li.tree-more"))).isEmpty();
    screenshot("tenants-tree-paged.png");

    open("/tenants");
    browser.findElement(By.id("tree-q")).sendKeys(last());
    waitFor(By.cssSelector("li[data-tenant='" + last() + "']"));
    assertThat(browser.findElement(By.id("tree-count")).getText()).isEqualTo("1 tenant(s) match");
  }

  @Test
  void pickersThatReplacedCappedSelectsOfferTheLastOne() {
    signIn(data.mspAdmin("Pim", "Picker"));

    open("/users-roles/roles/new");
    browser.findElement(By.id("role-name")).sendKeys("Cap role " + suffix);
    pick("role-owner", last());
    clickAndWait(browser.findElement(By.cssSelector("#save-role")));
    assertThat(browser.findElement(By.id("role-owner")).getText()).contains(last());

    open("/library");
    assertThat(options("owner-tenant", last())).containsExactly(last());

    open("/schedules/new");
    assertThat(options("tenant", last())).containsExactly(last());
  }
}
