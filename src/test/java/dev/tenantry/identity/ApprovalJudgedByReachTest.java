package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.6 d, e through the real approval route (oracle seed -23235988728940, CI of stop 17):
 * the approver holds computers:delete at OWNER but is denied it on every tenant tagged "vip", and
 * no tenant is tagged "vip" yet. Approving a request at TENANT(contoso, children) with
 * computers:delete is refused — a tenant tagged "vip" later, or created under contoso with the tag,
 * would otherwise give the new user what the approver may not do there. Approving a role the
 * approver holds everywhere still works.
 */
class ApprovalJudgedByReachTest extends IdentityTestSupport {
  private static final String[] APPROVER_PERMISSIONS = {
    "role-assignments:manage",
    "access-requests:view",
    "access-requests:manage",
    "users:view",
    "users:manage",
    "computers:view",
    "computers:delete"
  };

  Person approver;
  UUID contoso;
  UUID deleter;
  UUID viewer;

  @BeforeEach
  void setUp() {
    preference("access-requests.enabled", true);
    approver = user("approver");
    UUID msp = tenant(null);
    contoso = UUID.randomUUID();
    UUID vip = UUID.randomUUID();
    UUID approverRole = UUID.randomUUID();
    UUID noDelete = UUID.randomUUID();
    deleter = UUID.randomUUID();
    viewer = UUID.randomUUID();
    testUsers.write(
        () -> {
          jdbc.sql(
                  "insert into tenant (id, name, slug, kind, parent_id, msp_id)"
                      + " values (?, ?, ?, 'CLIENT', ?, ?)")
              .params(contoso, "Contoso " + contoso, "c-" + contoso, msp, msp)
              .update();
          jdbc.sql("insert into tag (id, name) values (?, ?)").params(vip, "vip " + vip).update();
          role(approverRole, APPROVER_PERMISSIONS);
          role(noDelete, "computers:delete");
          role(deleter, "computers:view", "computers:delete");
          role(viewer, "computers:view");
          jdbc.sql(
                  "insert into role_assignment (id, user_id, role_id, effect, scope_kind)"
                      + " values (?, ?, ?, 'ALLOW', 'OWNER')")
              .params(UUID.randomUUID(), approver.userId(), approverRole)
              .update();
          jdbc.sql(
                  "insert into role_assignment (id, user_id, role_id, effect, scope_kind,"
                      + " scope_tag_id) values (?, ?, ?, 'DENY', 'TENANT_TAG', ?)")
              .params(UUID.randomUUID(), approver.userId(), noDelete, vip)
              .update();
        });
  }

  @Test
  void anApprovalIsRefusedWhenATenantTaggedOrCreatedLaterCouldGiveWhatTheApproverIsDenied() {
    UUID request = request();
    long seq = lastSeq();
    var refused =
        as(approver).post("/api/v1/access-requests/" + request + "/approve", approval(deleter));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().path("detail").asString()).contains("PERMISSION_NOT_HELD");
    assertThat(eventsSince(seq)).extracting(Event::action).doesNotContain("access-request.approve");
    assertThat(status(request)).isEqualTo("PENDING");
    assertThat(
            jdbc.sql("select count(*) from role_assignment where role_id = ?")
                .param(deleter)
                .query(Long.class)
                .single())
        .isZero();

    var approved =
        as(approver).post("/api/v1/access-requests/" + request + "/approve", approval(viewer));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(status(request)).isEqualTo("APPROVED");
  }

  private void role(UUID id, String... permissions) {
    jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
        .params(id, "Role " + id, permissions)
        .update();
  }

  private UUID request() {
    Http requester = identityWithoutUser();
    var r = requester.post("/api/v1/auth/request-access", Map.of("message", "let me in"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return UUID.fromString(r.json().path("id").asString());
  }

  private String status(UUID request) {
    return jdbc.sql("select status from access_request where id = ?")
        .param(request)
        .query(String.class)
        .single();
  }

  private Map<String, Object> approval(UUID role) {
    return Map.of(
        "tenantId",
        contoso,
        "roleId",
        role,
        "scope",
        Map.of("kind", "TENANT", "tenantId", contoso, "includeChildren", true),
        "expiry",
        "ONE_DAY");
  }
}
