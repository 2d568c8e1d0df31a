package dev.tenantry.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.tenantry.support.TestGraph.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** People sync from Graph {@code /users/delta}, against WireMock serving Graph-shaped JSON. */
class DirectorySyncTest extends SyncTestSupport {

  private static List<Map<String, Object>> users(int n, String domain) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(user(UUID.randomUUID(), "Given" + i, "Family" + i, "u" + i + "@" + domain, true));
    }
    return out;
  }

  @Test
  void initialSyncFollowsNextLinksAcrossThreePagesThenUsesTheStoredDeltaLink() {
    UUID[] t = linkedTenant("three-pages");
    String tag = t[1].toString();
    firstPage(t[1], page(users(3, "a.example"), tag + "-p2", null));
    skipPage(t[1], tag + "-p2", page(users(3, "a.example"), tag + "-p3", null));
    skipPage(t[1], tag + "-p3", page(users(2, "a.example"), null, tag + "-d1"));

    JsonNode run = sync(t[0]);

    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.path("pages").asInt()).isEqualTo(3);
    assertThat(run.path("created").asInt()).isEqualTo(8);
    assertThat(run.path("fullSync").asBoolean()).isTrue();
    assertThat(people(t[0])).isEqualTo(8);

    deltaPage(t[1], tag + "-d1", page(List.of(), null, tag + "-d2"));
    JsonNode second = sync(t[0]);
    assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(second.path("fullSync").asBoolean()).isFalse();
    assertThat(second.path("pages").asInt()).isEqualTo(1);
    server()
        .verify(
            1,
            getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withQueryParam("$deltatoken", equalTo(tag + "-d1")));
  }

  @Test
  void deltaAppliesOneChangeAndMarksOneRemovalWithoutDeletingAnyone() {
    UUID[] t = linkedTenant("delta");
    String tag = t[1].toString();
    UUID keep = UUID.randomUUID();
    UUID change = UUID.randomUUID();
    UUID remove = UUID.randomUUID();
    firstPage(
        t[1],
        page(
            List.of(
                user(keep, "Kim", "Keep", "kim@d.example", true),
                user(change, "Chris", "Old", "chris@d.example", true),
                user(remove, "Rae", "Gone", "rae@d.example", true)),
            null,
            tag + "-d1"));
    assertThat(sync(t[0]).path("created").asInt()).isEqualTo(3);

    deltaPage(
        t[1],
        tag + "-d1",
        page(
            List.of(Map.of("id", change.toString(), "surname", "New"), removed(remove)),
            null,
            tag + "-d2"));
    JsonNode run = sync(t[0]);

    assertThat(run.path("updated").asInt()).isEqualTo(1);
    assertThat(run.path("marked").asInt()).isEqualTo(1);
    assertThat(run.path("created").asInt()).isZero();
    assertThat(people(t[0])).isEqualTo(3);
    assertThat(person(t[0], change).family()).isEqualTo("New");
    assertThat(person(t[0], change).given()).isEqualTo("Chris");
    assertThat(person(t[0], remove).state()).isEqualTo("REMOVED");
    assertThat(person(t[0], keep).state()).isEqualTo("ACTIVE");
  }

  @Test
  void throttled429IsRetriedAfterItsRetryAfterThenSucceeds() {
    UUID[] t = linkedTenant("throttled");
    String scenario = "throttle-" + t[1];
    server()
        .stubFor(
            graphGet(t[1], "/users/delta")
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}"))
                .willSetStateTo("served"));
    server()
        .stubFor(
            graphGet(t[1], "/users/delta")
                .inScenario(scenario)
                .whenScenarioStateIs("served")
                .willReturn(okJson(page(users(2, "t.example"), null, t[1] + "-d1"))));

    JsonNode run = sync(t[0]);

    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.path("created").asInt()).isEqualTo(2);
    server()
        .verify(
            2,
            getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withHeader("Authorization", equalTo("Bearer token-" + t[1])));
  }

  @Test
  void aTenantWhoseGraphFailsWith500NeverStopsAnotherTenant() {
    UUID[] bad = linkedTenant("failing");
    UUID[] good = linkedTenant("healthy");
    server()
        .stubFor(
            graphGet(bad[1], "/users/delta")
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}")));
    firstPage(good[1], page(users(4, "h.example"), null, good[1] + "-d1"));

    var admin = signedIn();
    String badRun =
        admin
            .post("/api/v1/tenants/" + bad[0] + "/directory-sync", null)
            .json()
            .path("id")
            .asString();
    String goodRun =
        admin
            .post("/api/v1/tenants/" + good[0] + "/directory-sync", null)
            .json()
            .path("id")
            .asString();
    JsonNode failed = await(admin, bad[0], badRun);
    JsonNode succeeded = await(admin, good[0], goodRun);

    assertThat(failed.path("status").asString()).isEqualTo("FAILED");
    assertThat(failed.path("error").asString()).contains("500").contains("InternalServerError");
    assertThat(succeeded.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(people(good[0])).isEqualTo(4);
    assertThat(people(bad[0])).isZero();
  }

  @Test
  void anExpiredDeltaLink410FallsBackToAFullSyncThatMarksWhoIsGone() {
    UUID[] t = linkedTenant("expired");
    String tag = t[1].toString();
    UUID stays = UUID.randomUUID();
    UUID vanished = UUID.randomUUID();
    firstPage(
        t[1],
        page(
            List.of(
                user(stays, "Sam", "Stay", "sam@e.example", true),
                user(vanished, "Val", "Vanish", "val@e.example", true)),
            null,
            tag + "-d1"));
    sync(t[0]);
    server()
        .stubFor(
            graphGet(t[1], "/users/delta")
                .withQueryParam("$deltatoken", equalTo(tag + "-d1"))
                .willReturn(
                    aResponse()
                        .withStatus(410)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":\"syncStateNotFound\",\"message\":\"expired\"}}")));
    firstPage(
        t[1], page(List.of(user(stays, "Sam", "Stay", "sam@e.example", true)), null, tag + "-d2"));

    JsonNode run = sync(t[0]);

    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.path("fullSync").asBoolean()).isTrue();
    assertThat(run.path("marked").asInt()).isEqualTo(1);
    assertThat(person(t[0], vanished).state()).isEqualTo("REMOVED");
    assertThat(person(t[0], stays).state()).isEqualTo("ACTIVE");
    assertThat(people(t[0])).isEqualTo(2);
  }

  @Test
  void aLocalEditIsOverwrittenOnEntraOwnedFieldsOnlyTagsAndComputersStay() {
    UUID[] t = linkedTenant("local-edit");
    String tag = t[1].toString();
    UUID oid = UUID.randomUUID();
    firstPage(
        t[1], page(List.of(user(oid, "Ann", "Entra", "ann@l.example", true)), null, tag + "-d1"));
    sync(t[0]);
    UUID personId =
        jdbc.sql("select id from person where azure_object_id = ?")
            .param(oid)
            .query(UUID.class)
            .single();
    UUID tagId = testUsers.tag("vip");
    UUID computer = testUsers.computer(t[0], dev.tenantry.authz.ComputerType.WORKSTATION);
    testUsers.write(
        () -> {
          jdbc.sql("update person set given_name = 'Locally', family_name = 'Edited' where id = ?")
              .param(personId)
              .update();
          jdbc.sql("insert into person_tag (person_id, tag_id) values (?, ?)")
              .params(personId, tagId)
              .update();
          jdbc.sql("update computer set primary_person_id = ? where id = ?")
              .params(personId, computer)
              .update();
        });
    deltaPage(
        t[1],
        tag + "-d1",
        page(
            List.of(Map.of("id", oid.toString(), "givenName", "Ann", "jobTitle", "Lead")),
            null,
            tag + "-d2"));

    sync(t[0]);

    Stored p = person(t[0], oid);
    assertThat(p.given()).isEqualTo("Ann");
    assertThat(p.family())
        .as("absent from the delta: not an Entra change, local value kept")
        .isEqualTo("Edited");
    assertThat(
            jdbc.sql("select job_title from person where id = ?")
                .param(personId)
                .query(String.class)
                .single())
        .isEqualTo("Lead");
    assertThat(
            jdbc.sql("select count(*) from person_tag where person_id = ?")
                .param(personId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select primary_person_id from computer where id = ?")
                .param(computer)
                .query(UUID.class)
                .single())
        .isEqualTo(personId);
  }

  @Test
  void domainLimitsSyncOnlyPeopleOfTheListedDomains() {
    UUID[] t = linkedTenant("domains");
    var put =
        signedIn()
            .put(
                "/api/v1/tenants/" + t[0] + "/directory-sync/domains",
                Map.of("limitToDomains", List.of("Contoso.example")));
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    assertThat(
            signedIn()
                .put(
                    "/api/v1/tenants/" + t[0] + "/directory-sync/domains",
                    Map.of("limitToDomains", List.of("not a domain")))
                .status())
        .isEqualTo(400);
    UUID inside = UUID.randomUUID();
    UUID outside = UUID.randomUUID();
    firstPage(
        t[1],
        page(
            List.of(
                user(inside, "In", "Side", "in@contoso.example", true),
                user(outside, "Out", "Side", "out@fabrikam.example", true)),
            null,
            t[1] + "-d1"));

    JsonNode run = sync(t[0]);

    assertThat(run.path("created").asInt()).isEqualTo(1);
    assertThat(run.path("skipped").asInt()).isEqualTo(1);
    assertThat(people(t[0])).isEqualTo(1);
    assertThat(person(t[0], inside).upn()).isEqualTo("in@contoso.example");
  }

  @Test
  void aSecondStartWhileOneRunsAnswers409AndAnUnlinkedTenant409() {
    UUID[] t = linkedTenant("busy");
    server()
        .stubFor(
            graphGet(t[1], "/users/delta")
                .willReturn(okJson(page(List.of(), null, t[1] + "-d1")).withFixedDelay(1500)));
    var admin = signedIn();
    var first = admin.post("/api/v1/tenants/" + t[0] + "/directory-sync", null);
    var second = admin.post("/api/v1/tenants/" + t[0] + "/directory-sync", null);
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).as(second.raw()).isEqualTo(409);
    await(admin, t[0], first.json().path("id").asString());
    UUID unlinked = testUsers.clientTenant("unlinked");
    assertThat(admin.post("/api/v1/tenants/" + unlinked + "/directory-sync", null).status())
        .isEqualTo(409);
  }

  @Test
  void theAppSecretNeverAppearsInAnswersRunsOrTheAuditTrail() {
    String secret = "graph-secret-never-shown-5d1c";
    UUID[] t = linkedTenant("secret");
    server()
        .stubFor(
            post(urlPathEqualTo("/" + t[1] + "/oauth2/v2.0/token"))
                .atPriority(1)
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));

    JsonNode run = sync(t[0]);

    assertThat(run.path("status").asString()).isEqualTo("FAILED");
    assertThat(run.path("error").asString()).contains("invalid_client").doesNotContain(secret);
    String state = signedIn().get("/api/v1/tenants/" + t[0] + "/directory-sync").raw();
    assertThat(state).doesNotContain(secret);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where coalesce(after_json::text, '') like ? or coalesce(before_json::text, '') like ?")
                .params("%" + secret + "%", "%" + secret + "%")
                .query(Long.class)
                .single())
        .isZero();
    server()
        .verify(
            postRequestedFor(urlPathEqualTo("/" + t[1] + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials")));
  }

  @Test
  void aSyncNeverMovesAPersonOfAnotherTenantEvenWithTheSameObjectId() {
    UUID[] t = linkedTenant("home-dir");
    UUID child = testUsers.tenant("child-site", t[0], false);
    UUID oid = UUID.randomUUID();
    UUID elsewhere = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into person (id, tenant_id, given_name, family_name, azure_object_id, source)"
                        + " values (?, ?, 'Site', 'Person', ?, 'AZURE')")
                .params(elsewhere, child, oid)
                .update());
    firstPage(
        t[1],
        page(List.of(user(oid, "Dir", "Person", "dir@home.example", true)), null, t[1] + "-d1"));

    JsonNode run = sync(t[0]);

    assertThat(run.path("created").asInt()).isEqualTo(1);
    assertThat(person(t[0], oid).given()).isEqualTo("Dir");
    assertThat(person(child, oid).given())
        .as("the child's person is not touched")
        .isEqualTo("Site");
    assertThat(
            jdbc.sql("select tenant_id from person where id = ?")
                .param(elsewhere)
                .query(UUID.class)
                .single())
        .isEqualTo(child);
  }
}
