package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ImpersonationTest extends IdentityTestSupport {
  @Autowired Authorizer authorizer;

  Person support;
  Person target;

  @BeforeEach
  void setUp() {
    preference("impersonation.enabled", true);
    support = admin("support");
    target = user("target");
  }

  @Test
  void refusedWhenThePreferenceIsOff() {
    preference("impersonation.enabled", false);
    assertThat(start(target.userId()).status()).isEqualTo(409);
  }

  @Test
  void refusedAgainstADisabledUser() {
    jdbc.sql("update app_user set enabled = false where id = ?").param(target.userId()).update();
    var r = start(target.userId());
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("disabled");
  }

  @Test
  void refusedAgainstAnIntegrationUser() {
    jdbc.sql("update app_user set kind = 'INTEGRATION' where id = ?")
        .param(target.userId())
        .update();
    assertThat(start(target.userId()).json().path("detail").asString()).contains("Integration");
  }

  @Test
  void refusedAgainstYourself() {
    assertThat(start(support.userId()).status()).isEqualTo(400);
  }

  /**
   * The order dependence behind a failure of {@link #impersonationDoesNotNest}: users written in
   * autocommit reached the policy store only through the asynchronous feed, and the engine refuses
   * to impersonate a user it does not know. Users made for these tests are known at once.
   */
  @Test
  void theUsersOfTheseTestsAreKnownToThePolicyStoreAtOnce() {
    Person third = user("third");
    assertThat(authorizer.standing(third.userId())).isPresent();
    assertThat(authorizer.standing(target.userId())).isPresent();
  }

  @Test
  void impersonationDoesNotNest() {
    Person third = user("third");
    assertThat(start(target.userId()).status()).isEqualTo(201);
    var nested = start(third.userId());
    assertThat(nested.status()).isEqualTo(409);
    assertThat(nested.json().path("detail").asString()).contains("already impersonating");
  }

  @Test
  void whileActiveRequestsActAsTheTargetAndEveryEventCarriesBothIdentities() {
    UUID targetsTenant = tenant(null);
    testUsers.assign(
        Principal.user(target.userId()),
        TestUsers.Grant.allow(
            BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(targetsTenant, false)));
    assertThat(start(target.userId()).status()).isEqualTo(201);
    var me = as(support).get("/api/v1/auth/me").json();
    assertThat(me.path("userId").asString()).isEqualTo(target.userId().toString());
    assertThat(me.path("impersonating").asBoolean()).isTrue();
    long seq = lastSeq();
    var created =
        as(support)
            .post(
                "/api/v1/users/manual",
                Map.of(
                    "tenantId",
                    targetsTenant,
                    "givenName",
                    "M",
                    "familyName",
                    "U",
                    "email",
                    "m@example.com",
                    "azureObjectId",
                    UUID.randomUUID().toString()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(as(support).post("/api/v1/users/stop-impersonating", null).status()).isEqualTo(204);
    var events = eventsSince(seq);
    assertThat(events).extracting(Event::action).contains("user.created", "impersonation.stopped");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.actorUserId()).isEqualTo(target.userId());
              assertThat(e.impersonatorUserId()).isEqualTo(support.userId());
            });
    assertThat(as(support).get("/api/v1/auth/me").json().path("userId").asString())
        .isEqualTo(support.userId().toString());
  }

  @Test
  void anImpersonationExpiresByItself() {
    assertThat(start(target.userId()).status()).isEqualTo(201);
    jdbc.sql(
            "update impersonation set expires_at = now() - interval '1 second' where impersonator_id = ?")
        .param(support.userId())
        .update();
    var me = as(support).get("/api/v1/auth/me").json();
    assertThat(me.path("userId").asString()).isEqualTo(support.userId().toString());
    assertThat(me.path("impersonating").asBoolean()).isFalse();
    assertThat(start(target.userId()).status()).as("a new one may start").isEqualTo(201);
  }

  @Test
  void theLengthIsCapped() {
    var r =
        as(support)
            .post(
                "/api/v1/users/" + target.userId() + "/impersonate",
                Map.of("reason", "x", "minutes", 241));
    assertThat(r.status()).isEqualTo(400);
  }

  private dev.tenantry.support.Http.Response start(UUID targetId) {
    return as(support)
        .post("/api/v1/users/" + targetId + "/impersonate", Map.of("reason", "ticket 42"));
  }
}
