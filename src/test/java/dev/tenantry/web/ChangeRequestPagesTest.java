package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The change-request review: the badge, the list, the diff, a comment, the approval. */
class ChangeRequestPagesTest extends ConsoleTest {

  @Test
  void anApproverReviewsAScriptEditRequestWithItsDiffAndApprovesIt() {
    UUID tenant = data.clientTenant("Review " + shortId());
    Http admin = signedIn();
    Http.Response created =
        admin.post(
            "/api/v1/scripts",
            Map.of(
                "name",
                "Clear temp " + shortId(),
                "language",
                "POWERSHELL",
                "body",
                "Get-ChildItem $env:TEMP\nRemove-Item -Recurse\n",
                "ownerTenantId",
                tenant));
    String script = created.json().path("id").asString();
    UUID role = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
                .params(
                    role,
                    "Script change requester " + role,
                    new String[] {"scripts:view", "change-requests:view", "change-requests:create"})
                .update());
    TestUsers.TestUser requester =
        testUsers.user(
            tenant, TestUsers.Grant.allow(role, dev.tenantry.authz.Scope.tenant(tenant, false)));
    Http.Response filed =
        requester
            .http()
            .put(
                "/api/v1/scripts/" + script,
                Map.of(
                    "name", "Clear temp safely",
                    "language", "POWERSHELL",
                    "body", "Get-ChildItem $env:TEMP\nRemove-Item -Recurse -WhatIf\n",
                    "note", "dry run first",
                    "version", 0));
    assertThat(filed.status()).as("%s", filed).isEqualTo(202);
    String request = filed.json().path("changeRequestId").asString();

    signIn(data.mspAdmin("Avery", "Approver"));
    assertThat(browser.findElements(By.id("change-request-badge"))).isNotEmpty();
    browser.findElement(By.id("change-requests-nav")).click();
    waitFor(By.id("change-requests"));
    open("/change-requests?state=WAITING_FOR_APPROVAL&kind=script.edit");
    clickAndWait(browser.findElement(By.cssSelector("tr[data-id='" + request + "'] a")));

    assertThat(browser.findElement(By.id("cr-state")).getText()).isEqualTo("WAITING_FOR_APPROVAL");
    var name = browser.findElement(By.cssSelector("#cr-diff tr[data-path='name']"));
    assertThat(name.findElement(By.cssSelector(".del-cell")).getText()).startsWith("Clear temp");
    assertThat(name.findElement(By.cssSelector(".add-cell")).getText())
        .isEqualTo("Clear temp safely");
    var body = browser.findElement(By.cssSelector("#cr-diff tr[data-path='body']"));
    assertThat(body.findElement(By.cssSelector(".diff .del")).getText())
        .contains("Remove-Item -Recurse");
    assertThat(body.findElement(By.cssSelector(".diff .add")).getText()).contains("-WhatIf");

    browser.findElement(By.id("comment-body")).sendKeys("Good idea: -WhatIf first.");
    clickAndWait(browser.findElement(By.id("add-comment")));
    assertThat(browser.findElement(By.id("comment-list")).getText())
        .contains("Good idea: -WhatIf first.");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("change-request-review.png");

    browser.findElement(By.id("approve-reason")).sendKeys("dry run is safe");
    clickAndWait(browser.findElement(By.id("approve")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Approved and applied");
    assertThat(browser.findElement(By.id("cr-state")).getText()).isEqualTo("APPROVED_AND_APPLIED");
    assertThat(browser.findElements(By.id("approve"))).isEmpty();
    assertThat(admin.get("/api/v1/scripts/" + script).json().path("body").asString())
        .contains("-WhatIf");
    open("/change-requests?state=APPROVED_AND_APPLIED&kind=script.edit");
    assertThat(browser.findElements(By.cssSelector("tr[data-id='" + request + "']"))).hasSize(1);
    screenshot("change-requests.png");
  }
}
