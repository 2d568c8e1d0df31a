package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Versioned static assets are cached for a year; everything else (pages, API answers, assets asked
 * for without a version, a version this node does not have) keeps {@code no-store}. Security
 * headers stay on every answer.
 */
class StaticAssetCachingTest extends IntegrationTest {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  @Test
  void versionedAssetsAreImmutableForAYearAndEverythingElseStaysNoStore() {
    Http.Response page = anonymous().get("/signed-out");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Cache-Control")).contains("no-store");
    String css = link(page.raw(), "href=\"(/css/console-[0-9a-f]{32}\\.css)\"");
    String htmx = link(page.raw(), "src=\"(/webjars/htmx.org/[^\"]+/dist/htmx.min.js)\"");

    for (String asset : new String[] {css, htmx}) {
      Http.Response r = anonymous().get(asset);
      assertThat(r.status()).as(asset).isEqualTo(200);
      assertThat(r.header("Cache-Control")).as(asset).isEqualTo(IMMUTABLE);
      assertThat(r.header("Content-Security-Policy")).as(asset).isNotBlank();
      assertThat(r.header("X-Content-Type-Options")).as(asset).isEqualTo("nosniff");
    }
    assertThat(anonymous().get(css).raw()).isEqualTo(anonymous().get("/css/console.css").raw());

    for (String plain :
        new String[] {"/css/console.css", "/js/console.js", "/webjars/htmx.org/dist/htmx.min.js"}) {
      Http.Response r = anonymous().get(plain);
      assertThat(r.status()).as(plain).isEqualTo(200);
      assertThat(r.header("Cache-Control")).as(plain).contains("no-store");
    }
    Http.Response otherVersion =
        anonymous().get("/css/console-0123456789abcdef0123456789abcdef.css");
    assertThat(otherVersion.status()).isEqualTo(404);
    assertThat(otherVersion.header("Cache-Control")).isNotEqualTo(IMMUTABLE);
    Http.Response api = signedIn().get("/api/v1/auth/me");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.header("Cache-Control")).contains("no-store");
  }

  private static String link(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as("%s in %s", regex, html).isTrue();
    return m.group(1);
  }
}
