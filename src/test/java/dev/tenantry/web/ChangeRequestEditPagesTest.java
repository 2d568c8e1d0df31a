package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The author revises a change request sent back for changes, in the console; no one else may. */
class ChangeRequestEditPagesTest extends ConsoleTest {

  @Test
  void authorRevisesARequestSentBackForChangesAndNoOneElseMay() {
    Http admin = signedIn();
    String sw =
        admin
            .post("/api/v1/software", Map.of("name", "Revised " + shortId(), "global", true))
            .json()
            .path("id")
            .asString();
    String version =
        admin
            .post("/api/v1/software/" + sw + "/versions", Map.of("version", "2.0"))
            .json()
            .path("id")
            .asString();
    // System User (Legacy) holds only the change-requester right for cross-tenant deployments
    ConsoleData.User author = data.user(data.mspTenant(), "Ari", "Author");
    data.allow(author.id(), BuiltInRoles.SYSTEM_USER_LEGACY.id(), "OWNER", null);
    Http asAuthor = as(HOME_TID, author.oid(), author.name());
    String name = "Everywhere " + shortId();
    Http.Response filed =
        asAuthor.post(
            "/api/v1/deployments",
            Map.of(
                "name",
                name,
                "subjectKind",
                "SOFTWARE",
                "subjectId",
                sw,
                "versionId",
                version,
                "desiredState",
                "INSTALL",
                "target",
                Map.of("kind", "CROSS_TENANT")));
    assertThat(filed.status()).as(filed.raw()).isEqualTo(202);
    String request = filed.json().path("changeRequestId").asString();
    Http.Response sentBack =
        admin.post(
            "/api/v1/change-requests/" + request + "/require-changes",
            Map.of("reason", "Give it priority 5", "version", 0));
    assertThat(sentBack.status()).as(sentBack.raw()).isEqualTo(200);

    signIn(author);
    open("/change-requests/" + request);
    assertThat(browser.findElement(By.id("cr-state")).getText()).isEqualTo("NEEDS_ATTENTION");
    clickAndWait(browser.findElement(By.id("revise")));
    assertThat(browser.findElement(By.id("f-name")).getDomProperty("value")).isEqualTo(name);
    assertThat(browser.findElement(By.id("f-target")).getDomProperty("value"))
        .contains("CROSS_TENANT");
    assertThat(browser.findElement(By.id("cr-reason")).getText()).isEqualTo("Give it priority 5");
    var priority = browser.findElement(By.id("f-priority"));
    priority.clear();
    priority.sendKeys("5");
    var target = browser.findElement(By.id("f-target"));
    target.clear();
    target.sendKeys("{\"kind\": ");
    clickAndWait(browser.findElement(By.id("save-revision")));
    assertThat(browser.findElement(By.id("error")).getText()).startsWith("target: not valid JSON");
    target = browser.findElement(By.id("f-target"));
    target.clear();
    target.sendKeys("{\"kind\": \"CROSS_TENANT\"}");
    clickAndWait(browser.findElement(By.id("save-revision")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Revised: the request waits for approval again");
    assertThat(browser.findElement(By.id("cr-state")).getText()).isEqualTo("WAITING_FOR_APPROVAL");
    var after = admin.get("/api/v1/change-requests/" + request).json();
    assertThat(after.path("after").path("priority").asInt()).isEqualTo(5);
    assertThat(after.path("after").path("name").asString()).isEqualTo(name);
    assertThat(after.path("version").asLong()).isEqualTo(2);

    // an approver sees no revise button, and the form refuses them
    browser.manage().deleteAllCookies();
    signIn(data.mspAdmin("Abe", "Approver"));
    open("/change-requests/" + request);
    assertThat(browser.findElements(By.id("revise"))).isEmpty();
    open("/change-requests/" + request + "/edit");
    assertThat(browser.findElements(By.id("revise-form"))).isEmpty();
    assertThat(mainText()).contains("Only the request's author may revise it");
  }
}
