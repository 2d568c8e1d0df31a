package dev.tenantry.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.shared.Actor;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state machine of DESIGN §8 over the API, with the test-only applier. */
class ChangeRequestFlowTest extends ChangeRequestTestSupport {

  @Test
  void approvalByTheAuthorIsRefused() {
    UUID tenant = testUsers.clientTenant("cr-own");
    TestUsers.TestUser author = approver(tenant);
    UUID tag = tag("old");
    UUID id = submit(author.id(), tenant, tag, "new");

    Http.Response own = approve(author.http(), id, 0);
    assertThat(own.status()).as("%s", own).isEqualTo(403);
    assertThat(own.json().path("detail").asString()).contains("their own change request");
    assertThat(author.http().post(path(id) + "/deny", Map.of("reason", "x")).status())
        .isEqualTo(403);
    assertThat(author.http().get(path(id)).json().path("actions").path("approve").asBoolean())
        .isFalse();
    assertThat(state(id)).isEqualTo("WAITING_FOR_APPROVAL");
    assertThat(tagDescription(tag)).isEqualTo("old");
  }

  @Test
  void approvalWhileImpersonatingTheAuthorOrImpersonatedByThemIsRefused() {
    preference("impersonation.enabled", true);
    try {
      UUID tenant = testUsers.clientTenant("cr-imp");
      // an MSP admin impersonating the author acts as the author: refused
      TestUsers.TestUser author = approver(tenant);
      UUID id = submit(author.id(), tenant, tag("a"), "b");
      TestUsers.TestUser support = testUsers.mspAdmin();
      assertThat(impersonate(support, author).status()).isEqualTo(201);
      assertThat(approve(support.http(), id, 0).status()).isEqualTo(403);
      support.http().post("/api/v1/users/stop-impersonating", null);

      // an author (an MSP admin) impersonating someone who may approve: refused too
      TestUsers.TestUser mspAuthor = testUsers.mspAdmin();
      UUID id2 = submit(mspAuthor.id(), tenant, tag("c"), "d");
      TestUsers.TestUser other = approver(tenant);
      assertThat(impersonate(mspAuthor, other).status()).isEqualTo(201);
      Http.Response r = approve(mspAuthor.http(), id2, 0);
      assertThat(r.status()).as("%s", r).isEqualTo(403);
      mspAuthor.http().post("/api/v1/users/stop-impersonating", null);
      // and whoever impersonated the author when filing it may not approve it either
      UUID id3 =
          submit(
              new Actor(other.id(), "other", support.id(), "t-" + UUID.randomUUID(), ""),
              tenant,
              tag("e"),
              "f");
      assertThat(approve(support.http(), id3, 0).status()).isEqualTo(403);
      assertThat(approve(approver(tenant).http(), id3, 0).status()).isEqualTo(200);
    } finally {
      preference("impersonation.enabled", false);
    }
  }

  @Test
  void approvalIsJudgedByTheApproversRights() {
    UUID tenant = testUsers.clientTenant("cr-rights");
    UUID elsewhere = testUsers.clientTenant("cr-rights-other");
    UUID tag = tag("old");
    // the author holds nothing at all: their rights do not matter
    UUID id = submit(testUsers.user(tenant).id(), tenant, tag, "new");

    TestUsers.TestUser viewer = holding(tenant, "change-requests:view", "computers:manage");
    assertThat(approve(viewer.http(), id, 0).status()).as("no approve permission").isEqualTo(403);
    TestUsers.TestUser approverOnly =
        holding(tenant, "change-requests:view", "change-requests:approve");
    Http.Response r = approve(approverOnly.http(), id, 0);
    assertThat(r.status()).as("lacks what the change itself needs: %s", r).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("computers:manage");
    TestUsers.TestUser otherTenant = approver(elsewhere);
    assertThat(approve(otherTenant.http(), id, 0).status()).as("another tenant's").isEqualTo(404);
    assertThat(tagDescription(tag)).isEqualTo("old");
    assertThat(state(id)).isEqualTo("WAITING_FOR_APPROVAL");

    TestUsers.TestUser approver = approver(tenant);
    assertThat(approver.http().get(path(id)).json().path("actions").path("approve").asBoolean())
        .isTrue();
    assertThat(approve(approver.http(), id, 0).status()).isEqualTo(200);
    assertThat(tagDescription(tag)).isEqualTo("new");
  }

  @Test
  void approvalAppliesAtomicallyWithAuditNamingAuthorAndApprover() {
    UUID tenant = testUsers.clientTenant("cr-atomic");
    TestUsers.TestUser author = testUsers.user(tenant);
    TestUsers.TestUser approver = approver(tenant);
    UUID tag = tag("old");
    UUID failing = submit(author.id(), tenant, tag, TagDescriptionApplier.FAIL_AFTER_WRITING);
    assertThat(approve(approver.http(), failing, 0).status()).isEqualTo(400);
    assertThat(tagDescription(tag)).as("the applier's write rolled back").isEqualTo("old");
    assertThat(state(failing)).isEqualTo("WAITING_FOR_APPROVAL");
    assertThat(events("change-request.approved", failing)).isZero();

    UUID id = submit(author.id(), tenant, tag, "new");
    Http.Response r = approve(approver.http(), id, 0);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("state").asString()).isEqualTo("APPROVED_AND_APPLIED");
    assertThat(r.json().path("decidedBy").asString()).isEqualTo(approver.id().toString());
    assertThat(r.json().path("resultId").asString()).isEqualTo(tag.toString());
    assertThat(tagDescription(tag)).isEqualTo("new");

    var approved =
        jdbc.sql(
                "select actor_user_id, request_id, after_json::text as after from audit_event"
                    + " where action = 'change-request.approved' and target_id = ?")
            .param(id.toString())
            .query()
            .singleRow();
    assertThat(approved.get("actor_user_id")).isEqualTo(approver.id());
    assertThat((String) approved.get("after"))
        .contains("\"authorUserId\":\"" + author.id())
        .contains("\"decidedBy\":\"" + approver.id())
        .contains("APPROVED_AND_APPLIED");
    var applied =
        jdbc.sql(
                "select actor_user_id, request_id, after_json::text as after from audit_event"
                    + " where action = 'test.tag-description-changed' and target_id = ?")
            .param(tag.toString())
            .query()
            .singleRow();
    assertThat(applied.get("request_id"))
        .as("one transaction")
        .isEqualTo(approved.get("request_id"));
    assertThat(applied.get("actor_user_id")).isEqualTo(approver.id());
    assertThat((String) applied.get("after")).contains(author.id().toString());
    assertThat(approve(approver.http(), id, 1).status()).as("decided once").isEqualTo(409);
  }

  @Test
  void requireChangesThenEditReturnsToWaiting() {
    UUID tenant = testUsers.clientTenant("cr-edit");
    TestUsers.TestUser author = holding(tenant, "change-requests:view", "change-requests:create");
    TestUsers.TestUser approver = approver(tenant);
    UUID tag = tag("old");
    UUID id = submit(author.id(), tenant, tag, "typo");

    assertThat(approver.http().post(path(id) + "/require-changes", Map.of()).status())
        .as("a reason is required")
        .isEqualTo(400);
    Http.Response r =
        approver.http().post(path(id) + "/require-changes", Map.of("reason", "fix the typo"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("state").asString()).isEqualTo("NEEDS_ATTENTION");
    assertThat(r.json().path("decisionReason").asString()).isEqualTo("fix the typo");
    assertThat(approve(approver.http(), id, 1).status()).as("not waiting").isEqualTo(409);

    Map<String, Object> edit = Map.of("after", Map.of("description", "fixed"), "version", 1);
    assertThat(approver.http().put(path(id), edit).status()).as("not the author").isEqualTo(403);
    Http.Response edited = author.http().put(path(id), edit);
    assertThat(edited.status()).as("%s", edited).isEqualTo(200);
    assertThat(edited.json().path("state").asString()).isEqualTo("WAITING_FOR_APPROVAL");
    assertThat(edited.json().path("changes").get(0).path("after").asString()).isEqualTo("fixed");
    assertThat(events("change-request.revised", id)).isEqualTo(1);

    assertThat(approve(approver.http(), id, 1).status())
        .as("approving the version before the edit")
        .isEqualTo(412);
    assertThat(approver.http().post(path(id) + "/approve", Map.of()).status())
        .as("the version approved is required")
        .isEqualTo(428);
    assertThat(approve(approver.http(), id, 2).status()).isEqualTo(200);
    assertThat(tagDescription(tag)).isEqualTo("fixed");
  }

  @Test
  void aSubjectChangedSinceTheRequestSendsItToNeedsAttention() {
    UUID tenant = testUsers.clientTenant("cr-stale");
    TestUsers.TestUser approver = approver(tenant);
    UUID tag = tag("old");
    UUID id = submit(testUsers.user(tenant).id(), tenant, tag, "new");
    jdbc.sql("update tag set description = 'meanwhile', version = version + 1 where id = ?")
        .param(tag)
        .update();

    Http.Response r = approve(approver.http(), id, 0);
    assertThat(r.status()).as("%s", r).isEqualTo(409);
    assertThat(r.json().path("state").asString()).isEqualTo("NEEDS_ATTENTION");
    assertThat(state(id)).isEqualTo("NEEDS_ATTENTION");
    assertThat(tagDescription(tag)).isEqualTo("meanwhile");
    assertThat(events("change-request.needs-attention", id)).isEqualTo(1);
    assertThat(events("change-request.approved", id)).isZero();
  }

  @Test
  void theAuthorWithdrawsAnOpenRequestWhichStaysCancelled() {
    UUID tenant = testUsers.clientTenant("cr-withdraw");
    TestUsers.TestUser author = holding(tenant, "change-requests:view", "change-requests:create");
    UUID id = submit(author.id(), tenant, tag("x"), "y");
    assertThat(approver(tenant).http().post(path(id) + "/withdraw", null).status()).isEqualTo(403);
    Http.Response r = author.http().post(path(id) + "/withdraw", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("state").asString()).isEqualTo("CANCELLED");
    assertThat(approve(approver(tenant).http(), id, 1).status()).isEqualTo(409);
    assertThat(author.http().get("/api/v1/change-requests?mine=true&state=CANCELLED").raw())
        .contains(id.toString());
  }

  @Test
  void authorAndApproversCommentOthersMayNot() {
    UUID tenant = testUsers.clientTenant("cr-comments");
    TestUsers.TestUser author = holding(tenant, "change-requests:view", "change-requests:create");
    TestUsers.TestUser approver = approver(tenant);
    UUID id = submit(author.id(), tenant, tag("x"), "y");
    assertThat(author.http().post(path(id) + "/comments", Map.of("body", "why?")).status())
        .isEqualTo(201);
    assertThat(approver.http().post(path(id) + "/comments", Map.of("body", "because")).status())
        .isEqualTo(201);
    TestUsers.TestUser viewer = holding(tenant, "change-requests:view");
    assertThat(viewer.http().post(path(id) + "/comments", Map.of("body", "me too")).status())
        .isEqualTo(403);
    assertThat(author.http().post(path(id) + "/comments", Map.of("body", "")).status())
        .isEqualTo(400);
    var comments = viewer.http().get(path(id) + "/comments").json();
    assertThat(comments.size()).isEqualTo(2);
    assertThat(comments.get(0).path("body").asString()).isEqualTo("why?");
    assertThat(comments.get(1).path("authorUserId").asString()).isEqualTo(approver.id().toString());
  }

  private Http.Response impersonate(TestUsers.TestUser who, TestUsers.TestUser target) {
    return who.http()
        .post("/api/v1/users/" + target.id() + "/impersonate", Map.of("reason", "test"));
  }
}
