package dev.tenantry.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who sees which requests: lists filtered in SQL, the rest answering like a random id. */
class ChangeRequestVisibilityTest extends ChangeRequestTestSupport {
  @Autowired ChangeRequestQueries queries;

  @Test
  void invisibleRequestAnswersLikeRandomId() {
    UUID mine = testUsers.clientTenant("cr-vis-a");
    UUID theirs = testUsers.clientTenant("cr-vis-b");
    UUID id = submit(testUsers.user(theirs).id(), theirs, tag("x"), "y");
    TestUsers.TestUser outsider = approver(mine);

    for (String suffix : List.of("", "/comments")) {
      Http.Response hidden = outsider.http().get(path(id) + suffix);
      Http.Response missing = outsider.http().get(path(UUID.randomUUID()) + suffix);
      assertThat(hidden.status()).isEqualTo(404);
      assertThat(shape(hidden.json())).isEqualTo(shape(missing.json()));
    }
    for (String action :
        List.of("/approve", "/deny", "/require-changes", "/withdraw", "/comments")) {
      Map<String, Object> body = Map.of("version", 0, "reason", "r", "body", "b");
      Http.Response hidden = outsider.http().post(path(id) + action, body);
      Http.Response missing = outsider.http().post(path(UUID.randomUUID()) + action, body);
      assertThat(hidden.status()).as(action).isEqualTo(404);
      assertThat(shape(hidden.json())).isEqualTo(shape(missing.json()));
    }
    assertThat(
            outsider
                .http()
                .put(path(id), Map.of("after", Map.of("description", "z"), "version", 0))
                .status())
        .isEqualTo(404);
    assertThat(outsider.http().get("/api/v1/change-requests?size=500").raw())
        .doesNotContain(id.toString());
    assertThat(state(id)).isEqualTo("WAITING_FOR_APPROVAL");
  }

  @Test
  void theListShowsTheCallersOwnAndThoseOnTenantsTheyMayViewWithFilters() {
    UUID tenant = testUsers.clientTenant("cr-list");
    UUID other = testUsers.clientTenant("cr-list-other");
    TestUsers.TestUser author = testUsers.user(other); // holds nothing: sees only their own
    UUID own = submit(author.id(), tenant, tag("a"), "b");
    UUID someoneElses = submit(testUsers.user(tenant).id(), tenant, tag("c"), "d");
    UUID elsewhere = submit(testUsers.user(other).id(), other, tag("e"), "f");

    assertThat(ids(author.http().get("/api/v1/change-requests"))).containsExactly(own.toString());
    assertThat(author.http().get(path(own)).status()).isEqualTo(200);
    assertThat(author.http().get(path(someoneElses)).status()).isEqualTo(404);

    TestUsers.TestUser viewer = holding(tenant, "change-requests:view");
    assertThat(ids(viewer.http().get("/api/v1/change-requests?size=500")))
        .contains(own.toString(), someoneElses.toString())
        .doesNotContain(elsewhere.toString());
    Http.Response page = viewer.http().get("/api/v1/change-requests?size=1&page=0");
    assertThat(page.json().path("total").asLong()).isEqualTo(2);
    assertThat(page.json().path("items").size()).isEqualTo(1);
    assertThat(page.json().path("size").asInt()).isEqualTo(1);

    TestUsers.TestUser approver = approver(tenant);
    assertThat(
            approver
                .http()
                .post(path(someoneElses) + "/deny", Map.of("reason", "no"))
                .json()
                .path("state")
                .asString())
        .isEqualTo("DENIED");
    assertThat(ids(viewer.http().get("/api/v1/change-requests?state=DENIED")))
        .containsExactly(someoneElses.toString());
    assertThat(ids(viewer.http().get("/api/v1/change-requests?state=waiting_for_approval")))
        .containsExactly(own.toString());
    assertThat(ids(viewer.http().get("/api/v1/change-requests?kind=deployment.create"))).isEmpty();
    assertThat(ids(viewer.http().get("/api/v1/change-requests?mine=true"))).isEmpty();
    assertThat(viewer.http().get("/api/v1/change-requests?state=MAYBE").status()).isEqualTo(400);
  }

  @Test
  void theBadgeCountsWaitingRequestsTheCallerMayDecide() {
    UUID tenant = testUsers.clientTenant("cr-badge");
    TestUsers.TestUser approver = approver(tenant);
    submit(testUsers.user(tenant).id(), tenant, tag("a"), "b");
    submit(testUsers.user(tenant).id(), tenant, tag("c"), "d");
    submit(approver.id(), tenant, tag("e"), "f"); // their own: not theirs to decide
    UUID elsewhere = testUsers.clientTenant("cr-badge-other");
    submit(testUsers.user(elsewhere).id(), elsewhere, tag("g"), "h");
    assertThat(
            approver.http().get("/api/v1/change-requests/open-count").json().path("count").asLong())
        .isEqualTo(2);
    assertThat(
            holding(tenant, "change-requests:view")
                .http()
                .get("/api/v1/change-requests/open-count")
                .json()
                .path("count")
                .asLong())
        .isZero();
  }

  @Test
  void openRequestsOfOneSubjectAreListedForItsPage() {
    UUID tenant = testUsers.clientTenant("cr-subject");
    UUID tag = tag("a");
    TestUsers.TestUser author = testUsers.user(tenant);
    UUID open = submit(author.id(), tenant, tag, "b");
    UUID denied = submit(author.id(), tenant, tag, "c");
    TestUsers.TestUser approver = approver(tenant);
    approver.http().post(path(denied) + "/deny", Map.of("reason", "no"));
    List<OpenChangeRequest> seen =
        dev.tenantry.shared.Actors.runAs(
            new dev.tenantry.shared.Actor(approver.id(), "approver", null, "t", ""),
            () -> queries.openFor(tag));
    assertThat(seen).extracting(OpenChangeRequest::id).containsExactly(open);
    List<OpenChangeRequest> outsider =
        dev.tenantry.shared.Actors.runAs(
            new dev.tenantry.shared.Actor(testUsers.user(tenant).id(), "outsider", null, "t", ""),
            () -> queries.openFor(tag));
    assertThat(outsider).isEmpty();
  }

  private static List<String> ids(Http.Response list) {
    assertThat(list.status()).as("%s", list).isEqualTo(200);
    return list.json().path("items").valueStream().map(n -> n.path("id").asString()).toList();
  }

  private static String shape(JsonNode problem) {
    return problem.path("status").asInt()
        + " "
        + problem.path("code").asString()
        + " "
        + problem.path("title").asString()
        + " "
        + problem.path("detail").asString().replaceAll("[0-9a-f-]{36}", "ID");
  }
}
