package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Content-Security-Policy without inline script and a Referrer-Policy on every response (pages,
 * API, errors, static files, anonymous or signed in); and no template relies on inline script.
 */
class SecurityHeadersTest extends IntegrationTest {
  private static final Pattern INLINE =
      Pattern.compile(
          "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:|hx-on|hx-vars|js:",
          Pattern.CASE_INSENSITIVE);

  @Test
  void everyResponseCarriesAContentSecurityPolicyWithoutInlineScriptAndAReferrerPolicy() {
    Http admin = signedIn();
    List<Http.Response> responses =
        List.of(
            anonymous().get("/"),
            anonymous().get("/signed-out"),
            anonymous().get("/css/console.css"),
            anonymous().get("/js/console.js"),
            anonymous().get("/api/v1/tenants"),
            anonymous().get("/v3/api-docs"),
            admin.get("/api/v1/tenants"),
            admin.get("/api/v1/tenants/not-a-guid"),
            admin.get("/api/v1/no-such-route"),
            admin.post("/api/v1/tenants", "{"));
    for (Http.Response r : responses) {
      String csp = r.header("Content-Security-Policy");
      assertThat(csp).as("CSP on %s", r).isNotNull();
      String script = directive(csp, "script-src");
      assertThat(script).as("script-src of %s", csp).isEqualTo("'self'");
      assertThat(csp).contains("object-src 'none'").contains("frame-ancestors 'none'");
      assertThat(r.header("Referrer-Policy"))
          .as("Referrer-Policy on %s", r)
          .isEqualTo("same-origin");
    }
  }

  @Test
  void noTemplateOrScriptUsesInlineScriptHandlersOrEval() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        var m = INLINE.matcher(Files.readString(f));
        while (m.find()) {
          found.add(f + ": " + m.group());
        }
      }
    }
    String js = Files.readString(Path.of("src/main/resources/static/js/console.js"));
    assertThat(js).doesNotContain("eval(").doesNotContain("new Function");
    assertThat(found).as("inline script in templates").isEmpty();
  }

  private static String directive(String csp, String name) {
    for (String d : csp.split(";")) {
      String t = d.strip();
      if (t.startsWith(name + " ")) {
        return t.substring(name.length() + 1).strip();
      }
    }
    return directive(csp, "default-src");
  }
}
