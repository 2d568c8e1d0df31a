package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.Grant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An access request belongs to the tenant linked to the requester's Entra directory: a customer's
 * administrator sees and decides the requests of their own directory, never another customer's or
 * the MSP's.
 */
class AccessRequestIsolationTest extends IdentityTestSupport {
  UUID contosoTid;
  UUID contoso;
  Http contosoAdmin;

  @BeforeEach
  void setUp() {
    preference("access-requests.enabled", true);
    contosoTid = UUID.randomUUID();
    contoso = tenant(contosoTid);
    Person admin = user("contoso-admin");
    testUsers.write(
        () ->
            jdbc.sql("update person set tenant_id = ? where id = ?")
                .params(contoso, admin.id())
                .update());
    testUsers.assign(
        Principal.user(admin.userId()),
        Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(contoso, false)));
    contosoAdmin = as(admin);
  }

  @Test
  void aCustomerAdminSeesOnlyRequestsFromTheirOwnDirectory() {
    UUID fromContoso = request(as(contosoTid, UUID.randomUUID(), "new@contoso.example"));
    UUID fromHome = request(identityWithoutUser());
    String list = contosoAdmin.get("/api/v1/access-requests?status=PENDING").raw();
    assertThat(list).contains(fromContoso.toString()).doesNotContain(fromHome.toString());
    String all = signedIn().get("/api/v1/access-requests?status=PENDING").raw();
    assertThat(all).contains(fromContoso.toString(), fromHome.toString());
  }

  @Test
  void aCustomerAdminCannotDecideARequestOfAnotherDirectory() {
    UUID fromHome = request(identityWithoutUser());
    var r =
        contosoAdmin.post("/api/v1/access-requests/" + fromHome + "/deny", Map.of("reason", "no"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(
            jdbc.sql("select status from access_request where id = ?")
                .param(fromHome)
                .query(String.class)
                .single())
        .isEqualTo("PENDING");
  }

  @Test
  void theCountOnlyCountsVisibleRequests() {
    long before = contosoAdmin.get("/api/v1/access-requests/count").json().path("pending").asLong();
    request(identityWithoutUser());
    assertThat(contosoAdmin.get("/api/v1/access-requests/count").json().path("pending").asLong())
        .isEqualTo(before);
    request(as(contosoTid, UUID.randomUUID(), "other@contoso.example"));
    assertThat(contosoAdmin.get("/api/v1/access-requests/count").json().path("pending").asLong())
        .isEqualTo(before + 1);
  }

  private UUID request(Http who) {
    var r = who.post("/api/v1/auth/request-access", Map.of("message", "please"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return UUID.fromString(r.json().path("id").asString());
  }
}
