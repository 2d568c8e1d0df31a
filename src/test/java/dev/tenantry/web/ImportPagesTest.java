package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.TestGraph;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Import tenants: a CSV previewed with its row errors, then imported; a GDAP customer picked. */
class ImportPagesTest extends ConsoleTest {

  @Test
  void aCsvIsPreviewedWithRowErrorsAndImportedOnceCleanAndAGdapCustomerIsPicked() {
    String suffix = shortId();
    signIn(data.mspAdmin("Ines", "Import"));
    open("/tenants");
    clickAndWait(browser.findElement(By.id("import-tenants")));

    String good = "Northwind " + suffix;
    browser
        .findElement(By.id("csv"))
        .sendKeys("name,tid\n" + good + "," + UUID.randomUUID() + "\nBroken " + suffix + ",nope\n");
    clickAndWait(browser.findElement(By.id("csv-preview")));
    assertThat(browser.findElement(By.id("csv-rows")).getText()).contains("not a GUID");
    assertThat(browser.findElement(By.id("csv-import")).isEnabled()).isFalse();

    browser.findElement(By.id("csv")).clear();
    browser
        .findElement(By.id("csv"))
        .sendKeys("name,tid\n" + good + "," + UUID.randomUUID() + "\n");
    clickAndWait(browser.findElement(By.id("csv-preview")));
    assertThat(browser.findElement(By.cssSelector("#csv-rows tr[data-ok='true']")).getText())
        .contains(good);
    clickAndWait(browser.findElement(By.id("csv-import")));
    assertThat(mainText()).contains("1 tenant imported from CSV").contains(good);

    int customer = TestGraph.nextGdapCustomer();
    open("/tenants/import");
    clickAndWait(browser.findElement(By.id("load-gdap")));
    browser
        .findElement(
            By.cssSelector("input[name='tids'][value='" + TestGraph.gdapCustomer(customer) + "']"))
        .click();
    clickAndWait(browser.findElement(By.id("import-gdap")));
    assertThat(mainText())
        .contains("1 tenant imported from GDAP")
        .contains(TestGraph.gdapName(customer));
  }
}
