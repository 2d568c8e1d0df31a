package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.TestOidc;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/** The authorization-code flow against the real provider, with the session kept in PostgreSQL. */
class BrowserSignInTest extends IdentityTestSupport {

  private Browser signIn(Person p, Browser browser) {
    enqueue(p);
    var home = browser.follow("http://localhost:" + port + "/");
    assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
    return browser;
  }

  /** The provider's next token carries this identity (its login is non-interactive in tests). */
  private static void enqueue(Person p) {
    TestOidc.server()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                TestOidc.HOME_ISSUER_ID,
                "sub-" + p.oid(),
                "JWT",
                List.of(TestOidc.CLIENT_ID),
                Map.of(
                    "tid",
                    p.tid().toString(),
                    "oid",
                    p.oid().toString(),
                    "ver",
                    "2.0",
                    "preferred_username",
                    "browser@example.com",
                    "name",
                    "Browser User"),
                3600));
  }

  @Test
  void theCodeFlowSignsInWithAFreshHttpOnlyLaxSessionStoredInPostgres() {
    Person p = user("browser");
    Browser browser = new Browser();
    enqueue(p);
    var first = browser.get("http://localhost:" + port + "/oauth2/authorization/entra");
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElseThrow()).contains("code_challenge=");
    String before = browser.cookie("SESSION").orElseThrow();
    browser.follow(first.headers().firstValue("Location").orElseThrow());
    String after = browser.cookie("SESSION").orElseThrow();
    assertThat(after).as("a new session id at sign-in").isNotEqualTo(before);
    String setCookie =
        browser.setCookieHeaders.stream().filter(h -> h.contains(after)).findFirst().orElseThrow();
    assertThat(setCookie)
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .doesNotContain("Secure");
    String sessionId = new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8);
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    var page = browser.get("http://localhost:" + port + "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("browser@example.com").contains(p.userId().toString());
    var me = browser.get("http://localhost:" + port + "/api/v1/auth/me");
    assertThat(me.body()).contains(p.userId().toString());
  }

  @Test
  void signingInIsAudited() {
    Person p = user("audited");
    long seq = lastSeq();
    signIn(p, new Browser());
    assertThat(eventsSince(seq))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("auth.signed-in");
              assertThat(e.actorUserId()).isEqualTo(p.userId());
            });
  }

  @Test
  void disablingTheUserEndsTheSessionOnTheNextRequest() {
    Person p = user("disabled-later");
    Browser browser = signIn(p, new Browser());
    String sessionId =
        new String(
            Base64.getDecoder().decode(browser.cookie("SESSION").orElseThrow()),
            StandardCharsets.UTF_8);
    jdbc.sql("update app_user set enabled = false where id = ?").param(p.userId()).update();
    var next = browser.get("http://localhost:" + port + "/");
    assertThat(next.statusCode()).isEqualTo(401);
    assertThat(next.body()).contains("disabled");
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single())
        .as("the session is gone")
        .isZero();
  }

  @Test
  void anIdentityWithoutAUserIsOfferedTheAccessRequest() {
    Person stranger =
        new Person(java.util.UUID.randomUUID(), HOME_TID, java.util.UUID.randomUUID(), null);
    Browser browser = signIn(stranger, new Browser());
    var page = browser.get("http://localhost:" + port + "/");
    assertThat(page.body()).contains("Request access");
  }

  @Test
  void aSessionPastItsAbsoluteLifetimeEnds() throws java.io.IOException {
    Person p = user("long-lived");
    Browser browser = signIn(p, new Browser());
    String sessionId = sessionId(browser);
    assertThat(browser.get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    // signed in 12 h 1 min ago (the default absolute lifetime is 12 h), active all along
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(java.time.Instant.now().minus(java.time.Duration.ofMinutes(12 * 60 + 1)));
    }
    int updated =
        jdbc.sql(
                """
        update spring_session_attributes set attribute_bytes = ?
         where attribute_name = 'tenantry.signedInAt'
           and session_primary_id = (select primary_id from spring_session where session_id = ?)
        """)
            .params(bytes.toByteArray(), sessionId)
            .update();
    assertThat(updated).isEqualTo(1);
    assertThat(browser.get("http://localhost:" + port + "/").statusCode()).isEqualTo(401);
  }

  @Test
  void aSessionIdleForLongerThanTheIdleTimeoutEnds() {
    Person p = user("idle");
    Browser browser = signIn(p, new Browser());
    String sessionId = sessionId(browser);
    assertThat(browser.get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    // last used 31 minutes ago (the default idle timeout is 30 minutes)
    long then = System.currentTimeMillis() - 31 * 60_000L;
    jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?")
        .params(then, then + 30 * 60_000L, sessionId)
        .update();
    var next = browser.get("http://localhost:" + port + "/");
    assertThat(next.statusCode()).as("no longer signed in").isNotEqualTo(200);
    assertThat(next.body()).doesNotContain(p.userId().toString());
  }
}
