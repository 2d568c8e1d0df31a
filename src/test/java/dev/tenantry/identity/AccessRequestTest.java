package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tenantry.support.Http;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessRequestTest extends IdentityTestSupport {
  Person admin;
  UUID role;

  @BeforeEach
  void setUp() {
    preference("access-requests.enabled", true);
    admin = admin("approver");
    role = UUID.randomUUID();
    jdbc.sql("insert into role (id, name) values (?, ?)").params(role, "Role " + role).update();
  }

  @Test
  void requestsAreRefusedWhenThePreferenceIsOff() {
    preference("access-requests.enabled", false);
    var r = identityWithoutUser().post("/api/v1/auth/request-access", Map.of("message", "please"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("turned off");
  }

  @Test
  void anIdentityHasOnePendingRequestAtATime() {
    Http requester = identityWithoutUser();
    assertThat(requester.post("/api/v1/auth/request-access", Map.of("message", "1")).status())
        .isEqualTo(201);
    var second = requester.post("/api/v1/auth/request-access", Map.of("message", "2"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().path("detail").asString()).contains("pending");
  }

  @Test
  void nobodyApprovesTheirOwnRequest() {
    UUID oid = UUID.randomUUID();
    UUID id = request(as(HOME_TID, oid, "self@example.com"));
    UUID person = UUID.randomUUID();
    jdbc.sql(
            "insert into person (id, tenant_id, source, azure_object_id) values (?, ?, 'MANUAL', ?)")
        .params(person, tenant(null), oid)
        .update();
    jdbc.sql(
            "insert into app_user (id, person_id, entra_tenant_id, entra_object_id) values (?, ?, ?, ?)")
        .params(UUID.randomUUID(), person, HOME_TID, oid)
        .update();
    long seq = lastSeq();
    var r =
        as(HOME_TID, oid, "self@example.com")
            .post("/api/v1/access-requests/" + id + "/approve", approval("ONE_DAY"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(eventsSince(seq)).extracting(Event::action).contains("auth.access-denied");
  }

  @Test
  void aDecidedRequestCannotBeDecidedAgain() {
    UUID id = request(identityWithoutUser());
    assertThat(
            as(admin)
                .post("/api/v1/access-requests/" + id + "/deny", Map.of("reason", "no"))
                .status())
        .isEqualTo(200);
    assertThat(
            as(admin)
                .post("/api/v1/access-requests/" + id + "/deny", Map.of("reason", "no"))
                .status())
        .isEqualTo(409);
    assertThat(
            as(admin)
                .post("/api/v1/access-requests/" + id + "/approve", approval("ONE_DAY"))
                .status())
        .isEqualTo(409);
  }

  @Test
  void approvalGrantsTheChosenExpiryAndRole() {
    UUID oid = UUID.randomUUID();
    Http requester = as(HOME_TID, oid, "new@example.com");
    UUID id = request(requester);
    assertThat(as(admin).get("/api/v1/access-requests/count").json().path("pending").asLong())
        .isPositive();
    var approved =
        as(admin).post("/api/v1/access-requests/" + id + "/approve", approval("ONE_DAY"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
    var me = requester.get("/api/v1/auth/me").json();
    UUID userId = UUID.fromString(me.path("userId").asString());
    OffsetDateTime expires =
        jdbc.sql("select access_expires_at from app_user where id = ?")
            .param(userId)
            .query(OffsetDateTime.class)
            .single();
    assertThat(expires.toInstant())
        .isCloseTo(Instant.now().plus(1, ChronoUnit.DAYS), within(2, ChronoUnit.MINUTES));
    assertThat(
            jdbc.sql(
                    "select count(*) from role_assignment where user_id = ? and role_id = ? and scope_kind = 'OWNER'")
                .params(userId, role)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aDeniedRequesterSeesTheRefusal() {
    Http requester = identityWithoutUser();
    UUID id = request(requester);
    as(admin).post("/api/v1/access-requests/" + id + "/deny", Map.of("reason", "unknown person"));
    var me = requester.get("/api/v1/auth/me").json();
    assertThat(me.has("userId")).isFalse();
    assertThat(me.path("accessRequest").path("status").asString()).isEqualTo("DENIED");
  }

  @Test
  void anIdentityWithoutAUserCannotListRequests() {
    assertThat(identityWithoutUser().get("/api/v1/access-requests?status=PENDING").status())
        .isEqualTo(403);
  }

  private UUID request(Http requester) {
    var r = requester.post("/api/v1/auth/request-access", Map.of("message", "let me in"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return UUID.fromString(r.json().path("id").asString());
  }

  private Map<String, Object> approval(String expiry) {
    return Map.of(
        "tenantId",
        tenant(null),
        "roleId",
        role,
        "scope",
        Map.of("kind", "OWNER"),
        "expiry",
        expiry);
  }
}
