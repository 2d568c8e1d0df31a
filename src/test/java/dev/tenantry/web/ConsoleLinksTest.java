package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Console links are not passed through the static-resource resolvers on every page (ConsoleLinks):
 * they appear as written, and the version-less WebJar paths they name are served.
 */
class ConsoleLinksTest extends IntegrationTest {

  @Test
  void pageLinksAreWrittenAsInTheTemplateAndTheirWebJarsAreServed() {
    var page = anonymous().get("/signed-out");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw())
        .contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"")
        .contains("href=\"/css/console.css\"");
    var htmx = anonymous().get("/webjars/htmx.org/dist/htmx.min.js");
    assertThat(htmx.status()).isEqualTo(200);
    assertThat(htmx.raw()).contains("htmx");
    assertThat(anonymous().get("/css/console.css").status()).isEqualTo(200);
  }
}
