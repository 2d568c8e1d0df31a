package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console frame is HTML built in Java once per distinct inputs (web/ConsoleChrome) with the
 * request's CSRF token put in per request: each place the layout had a token (meta tag, htmx
 * header, the sign-out form's field) carries one the CSRF check accepts, masked anew per page; a
 * form without a token, with a forged one or with another session's is still refused; what the
 * frame shows is escaped.
 */
class ConsoleFramePagesTest extends IdentityTestSupport {
  private static final Pattern FORM_FIELD =
      Pattern.compile(
          "action=\"/logout\"><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"/>");
  private static final Pattern HX_HEADER =
      Pattern.compile("hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;\\}\"");

  @Test
  void eachTokenTheFrameCarriesIsAcceptedAndMaskedAnewPerPage() {
    for (String place : new String[] {"meta", "htmx", "form"}) {
      Browser browser = consoleSession(user("frame-" + place), "Frame User");
      String html = home(browser);
      String token =
          switch (place) {
            case "meta" -> group(Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\""), html);
            case "htmx" -> group(HX_HEADER, html);
            default -> group(FORM_FIELD, html);
          };
      assertThat(html).contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">");
      assertThat(group(FORM_FIELD, home(browser))).as("masked per page").isNotEqualTo(token);
      var out =
          place.equals("form")
              ? browser.postForm(url("/logout"), Map.of("_csrf", token))
              : browser.postForm(url("/logout"), Map.of(), "X-CSRF-TOKEN", token);
      assertThat(out.statusCode()).as(place).isEqualTo(302);
      assertThat(browser.get(url("/")).statusCode()).as("signed out").isNotEqualTo(200);
    }
  }

  @Test
  void aFormWithoutTokenWithAForgedOneOrAnotherSessionsIsRefused() {
    Browser other = consoleSession(user("frame-other"), "Other User");
    String othersToken = group(FORM_FIELD, home(other));
    Browser browser = consoleSession(user("frame-refused"), "Frame User");
    String own = group(FORM_FIELD, home(browser));
    assertThat(browser.postForm(url("/logout"), Map.of()).statusCode()).isEqualTo(403);
    assertThat(browser.postForm(url("/logout"), Map.of("_csrf", own + "x")).statusCode())
        .isEqualTo(403);
    assertThat(browser.postForm(url("/logout"), Map.of("_csrf", othersToken)).statusCode())
        .isEqualTo(403);
    assertThat(browser.postForm(url("/logout"), Map.of(), "X-CSRF-TOKEN", othersToken).statusCode())
        .isEqualTo(403);
    assertThat(browser.get(url("/")).statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void theFrameEscapesTheSignedInName() {
    Browser browser = consoleSession(user("Eve <b>&\"Co\""), "Frame User");
    String html = home(browser);
    assertThat(html)
        .contains("<span class=\"user\" id=\"signed-in-user\">Eve &lt;b&gt;&amp;&quot;Co&quot;")
        .doesNotContain("Eve <b>");
  }

  private String home(Browser browser) {
    var r = browser.get(url("/"));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String group(Pattern p, String html) {
    Matcher m = p.matcher(html);
    assertThat(m.find()).as(p + " in\n" + html).isTrue();
    return m.group(1);
  }
}
