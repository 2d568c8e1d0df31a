package dev.tenantry.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets RFC 9457 problem details with our stable code and the request id.
 */
class ProblemDetailsTest extends IntegrationTest {

  @Test
  void brokenJsonIsAMalformedRequest() {
    var r = signedIn().post("/api/v1/tenants", "{\"name\": ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo("malformed-request");
    assertThat(r.json().path("requestId").asString()).isEqualTo(r.header("X-Request-Id"));
  }

  @Test
  void anInvalidGuidInThePathNamesTheParameter() {
    var r = signedIn().get("/api/v1/tenants/not-a-guid");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asString()).isEqualTo("validation-failed");
    assertThat(r.json().path("detail").asString()).contains("not-a-guid").contains("GUID");
  }

  @Test
  void invalidFieldsAreListedOneByOne() {
    var r = signedIn().post("/api/v1/computers", Map.of("name", "", "type", "SERVER"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asString()).isEqualTo("validation-failed");
    assertThat(r.json().path("errors").isObject()).isTrue();
  }

  @Test
  void anUnknownRouteIsAProblemToo() {
    var r = signedIn().get("/api/v1/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("code").asString()).isEqualTo("not-found");
  }

  @Test
  void aCallersRequestIdIsEchoed() {
    var r = signedIn().header("X-Request-Id", "trace-123").get("/api/v1/tenants/not-a-guid");
    assertThat(r.header("X-Request-Id")).isEqualTo("trace-123");
    assertThat(r.json().path("requestId").asString()).isEqualTo("trace-123");
  }
}
