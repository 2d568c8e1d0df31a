package dev.tenantry.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ServiceStartsTest extends IntegrationTest {

  @Test
  void healthIsUpOnTheEmbeddedPostgres() {
    var r = anonymous().get("/actuator/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").asString()).isEqualTo("UP");
    String version = jdbc.sql("select version()").query(String.class).single();
    assertThat(version).startsWith("PostgreSQL 17");
  }

  @Test
  void everyApiRouteRequiresABearerToken() {
    var r = anonymous().get("/api/v1/audit-events");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo("unauthenticated");
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() {
    var forged = anonymous().as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    assertThat(forged.get("/api/v1/audit-events").status()).isEqualTo(401);
  }

  @Test
  void aSignedTokenIsAccepted() {
    assertThat(signedIn().get("/api/v1/audit-events").status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentIsServed() {
    var r = anonymous().get("/v3/api-docs");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("openapi").asString()).startsWith("3.");
  }
}
