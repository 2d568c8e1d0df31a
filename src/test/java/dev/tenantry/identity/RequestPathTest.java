package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fast request path (verified tokens remembered, the caller's standing read from the policy
 * snapshot) never lets a remembered token outlive what the user may do.
 */
class RequestPathTest extends IntegrationTest {

  @Test
  void aRememberedTokenIsJudgedByTheUsersStandingOnEveryRequest() {
    var admin = testUsers.mspAdmin();
    var user = testUsers.user(testUsers.clientTenant("Request path " + UUID.randomUUID()));
    assertThat(user.http().get("/api/v1/auth/ping").status()).isEqualTo(204);
    assertThat(user.http().get("/api/v1/auth/ping").status()).as("same token again").isEqualTo(204);

    assertThat(
            admin
                .http()
                .patch("/api/v1/users/" + user.id(), Map.of("enabled", false, "version", 0))
                .status())
        .isEqualTo(200);
    assertThat(user.http().get("/api/v1/auth/ping").status())
        .as("the token it presented before is refused once the user is disabled")
        .isEqualTo(401);

    assertThat(
            admin
                .http()
                .patch("/api/v1/users/" + user.id(), Map.of("enabled", true, "version", 1))
                .status())
        .isEqualTo(200);
    assertThat(user.http().get("/api/v1/auth/ping").status())
        .as("re-enabled: the same token works again")
        .isEqualTo(204);
  }

  @Test
  void aTokenWithABadSignatureIsRefusedEvenAfterTheGoodOneWasAccepted() {
    var user = testUsers.user(testUsers.clientTenant("Request path sig " + UUID.randomUUID()));
    assertThat(user.http().get("/api/v1/auth/ping").status()).isEqualTo(204);
    String good = user.http().token();
    String forged =
        good.substring(0, good.lastIndexOf('.') + 1)
            + "AAAA"
            + good.substring(good.lastIndexOf('.') + 5);
    assertThat(user.http().as(forged).get("/api/v1/auth/ping").status()).isEqualTo(401);
  }
}
