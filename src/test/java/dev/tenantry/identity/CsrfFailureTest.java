package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.TestOidc;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/** A failed CSRF check says that it is one, never that a permission is missing. */
class CsrfFailureTest extends IdentityTestSupport {

  /** A console session (authorization-code sign-in) of a user, as its cookie header. */
  private String consoleSession() {
    Person p = user("csrf");
    TestOidc.server()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                TestOidc.HOME_ISSUER_ID,
                "sub-" + p.oid(),
                "JWT",
                List.of(TestOidc.CLIENT_ID),
                Map.of("tid", p.tid().toString(), "oid", p.oid().toString(), "ver", "2.0"),
                3600));
    Browser browser = new Browser();
    assertThat(browser.follow("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    return "SESSION=" + browser.cookie("SESSION").orElseThrow();
  }

  @Test
  void aCookieCallToTheApiWithoutCsrfTokenAnswersCsrfFailedProblem() {
    Http.Response r =
        anonymous()
            .header("Cookie", consoleSession())
            .post("/api/v1/tenants", Map.of("name", "No CSRF"));
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo("csrf-failed");
    assertThat(r.json().path("detail").asString())
        .contains("CSRF token")
        .doesNotContain("not allowed");
  }

  @Test
  void aConsoleFormPostedWithoutCsrfTokenSaysTheFormExpired() {
    Http.Response r =
        anonymous()
            .header("Cookie", consoleSession())
            .header("Accept", "text/html")
            .post("/tenants", Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.raw()).contains("CSRF security token").doesNotContain("not allowed");
  }

  @Test
  void aBearerCallNeedsNoCsrfToken() {
    Http.Response r = signedIn().get("/api/v1/auth/me");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }
}
