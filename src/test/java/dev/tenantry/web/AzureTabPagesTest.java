package dev.tenantry.web;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.tenantry.support.TestGraph.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The tenant's Azure tab: "Sync Azure Details" shows the run's progress live, then its outcome. */
class AzureTabPagesTest extends ConsoleTest {

  @Test
  void syncAzureDetailsShowsLiveProgressAndThenTheOutcome() {
    String suffix = shortId();
    UUID tenant = data.clientTenant("Fabrikam " + suffix);
    UUID tid = UUID.randomUUID();
    jdbc.sql("update tenant set azure_tenant_id = ? where id = ?").params(tid, tenant).update();
    List<Map<String, Object>> first = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      first.add(
          user(UUID.randomUUID(), "Person" + i, "Fabrikam", "p" + i + "@fabrikam.example", true));
    }
    firstPage(tid, page(first, tid + "-p2", null));
    // the second page is slow, so the run is still going on while the tab shows page 1's progress
    server()
        .stubFor(
            graphGet(tid, "/users/delta")
                .withQueryParam(
                    "$skiptoken",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(tid + "-p2"))
                .willReturn(
                    okJson(
                            page(
                                List.of(
                                    user(
                                        UUID.randomUUID(),
                                        "Last",
                                        "One",
                                        "last@fabrikam.example",
                                        true)),
                                null,
                                tid + "-d1"))
                        .withFixedDelay(4000)));
    signIn(data.mspAdmin("Sasha", "Sync"));

    open("/tenants/" + tenant);
    clickAndWait(browser.findElement(By.id("azure-tab")));
    assertThat(browser.findElement(By.id("entra-link")).getText()).contains(tid.toString());
    clickAndWait(browser.findElement(By.id("sync-now")));
    assertThat(mainText()).contains("Sync started");
    waitForText(By.cssSelector("#sync-runs tr[data-status='RUNNING'] .run-created"), "25");
    assertThat(
            browser
                .findElement(By.cssSelector("#sync-runs tr[data-status='RUNNING'] .run-pages"))
                .getText())
        .isEqualTo("1");
    screenshot("azure-tab.png");

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#sync-runs tr[data-status='SUCCEEDED']")));
    assertThat(
            browser
                .findElement(By.cssSelector("#sync-runs tr[data-status='SUCCEEDED'] .run-created"))
                .getText())
        .isEqualTo("26");
    assertThat(browser.findElement(By.id("sync-runs")).getAttribute("hx-trigger"))
        .as("polling stops when no run is going on")
        .isNull();
  }
}
