package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes for the console (docs/multi-node.md): a write made with the console session
 * answers {@code X-Policy-Revision} and the session (in PostgreSQL, so on every node) remembers it;
 * the session's later requests wait on any node until that node has applied it.
 */
class ConsoleSessionRevisionTest extends IdentityTestSupport {
  private static final Pattern META =
      Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

  @Test
  void consoleSessionRemembersTheRevisionOfItsLastWrite() {
    Person p = admin("ryw-console");
    Browser browser = new Browser();
    enqueueSignIn(p, "RYW User");
    var home = browser.follow("http://localhost:" + port + "/");
    assertThat(home.statusCode()).isEqualTo(200);
    Map<String, String> csrf = new java.util.HashMap<>();
    Matcher m = META.matcher(home.body());
    while (m.find()) {
      csrf.put(m.group(1), m.group(2));
    }
    var created =
        browser.postJson(
            "http://localhost:" + port + "/api/v1/tags",
            "{\"name\": \"ryw-" + p.oid().toString().substring(0, 8) + "\"}",
            csrf.get("_csrf_header"),
            csrf.get("_csrf"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String revision = created.headers().firstValue("X-Policy-Revision").orElseThrow();
    String sessionId =
        new String(
            Base64.getDecoder().decode(browser.cookie("SESSION").orElseThrow()),
            StandardCharsets.UTF_8);
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from spring_session_attributes a
                    join spring_session s on s.primary_id = a.session_primary_id
                    where s.session_id = ? and a.attribute_name = 'tenantry.policyRevision'""")
                .param(sessionId)
                .query(Long.class)
                .single())
        .as("the session remembers revision " + revision)
        .isEqualTo(1);
    assertThat(browser.get("http://localhost:" + port + "/").statusCode())
        .as("the next page waits for nothing on the node that wrote")
        .isEqualTo(200);
  }
}
