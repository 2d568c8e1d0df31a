package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A node keeps the console sessions it has read, deserialised, and checks them with one statement
 * per page (docs/performance.md): what another node (here: plain SQL) did to a session counts on
 * the very next page.
 */
class SessionSnapshotsTest extends IdentityTestSupport {

  @Test
  void aSessionSignedOutOnAnotherNodeEndsOnTheNextPage() {
    Browser browser = consoleSession(user("signed-out-elsewhere"), "Snapshot User");
    assertThat(page(browser)).isEqualTo(200);
    assertThat(page(browser)).as("served from what this node read").isEqualTo(200);
    jdbc.sql("delete from spring_session where session_id = ?").param(sessionId(browser)).update();
    assertThat(page(browser)).as("no longer signed in").isNotEqualTo(200);
  }

  @Test
  void anAttributeRemovedOnAnotherNodeIsNotServedFromWhatThisNodeRead() {
    Browser browser = consoleSession(user("context-removed-elsewhere"), "Snapshot User");
    assertThat(page(browser)).isEqualTo(200);
    int removed =
        jdbc.sql(
                """
                delete from spring_session_attributes
                 where attribute_name = 'SPRING_SECURITY_CONTEXT'
                   and session_primary_id =
                       (select primary_id from spring_session where session_id = ?)""")
            .param(sessionId(browser))
            .update();
    assertThat(removed).isEqualTo(1);
    assertThat(page(browser)).as("the security context is gone").isNotEqualTo(200);
  }

  @Test
  void aSessionChangedByThisNodeIsReadWithItsChange() {
    Browser browser = consoleSession(user("changed-here"), "Snapshot User");
    assertThat(page(browser)).isEqualTo(200);
    // sign-out, with the CSRF token of a page rendered from the session this node read
    var home = browser.get("http://localhost:" + port + "/");
    var out =
        browser.postJson(
            "http://localhost:" + port + "/logout",
            "",
            meta(home.body(), "_csrf_header"),
            meta(home.body(), "_csrf"));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(page(browser)).as("signed out").isNotEqualTo(200);
  }

  private int page(Browser browser) {
    return browser.get("http://localhost:" + port + "/").statusCode();
  }

  private static String meta(String html, String name) {
    var m =
        java.util.regex.Pattern.compile("name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the page carries " + name).isTrue();
    return m.group(1);
  }
}
