package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Console links are not passed through the static-resource resolvers on every page (ConsoleLinks):
 * they appear as written, except links to static assets, which name their version (StaticAssets);
 * the version-less paths are still served.
 */
class ConsoleLinksTest extends IntegrationTest {

  @Test
  void pageLinksAreWrittenAsInTheTemplateAndTheirWebJarsAreServed() {
    var page = anonymous().get("/signed-out");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw())
        .containsPattern("src=\"/webjars/htmx.org/[0-9][^/\"]*/dist/htmx.min.js\"")
        .containsPattern("href=\"/css/console-[0-9a-f]{32}.css\"")
        .contains("href=\"/\"");
    var htmx = anonymous().get("/webjars/htmx.org/dist/htmx.min.js");
    assertThat(htmx.status()).isEqualTo(200);
    assertThat(htmx.raw()).contains("htmx");
    assertThat(anonymous().get("/css/console.css").status()).isEqualTo(200);
  }
}
