package dev.tenantry.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The regex-free request checks accept and refuse exactly what Spring Security's own do: the
 * firewall's header and parameter predicates, and the bearer token resolver (same token, same
 * refusal).
 */
class RequestPathChecksTest {
  private static final String ALPHABET =
      "aZ09-._~+/= \t\r\n\u0000\u007f\u0085\u00e9\u200b\u2028\ud800\udc00\ud83d\ude00\u0378\uffff|:;,\"%";

  @Test
  void firewallPredicatesAcceptExactlyWhatSpringsPatternsAccept() {
    Random random = new Random(7);
    List<String> samples = new ArrayList<>(List.of("", "text/html", "a\tb", "caf\u00e9"));
    for (int i = 0; i < 20_000; i++) {
      samples.add(randomString(random, 12));
    }
    for (int cp = 0; cp < 0x11000; cp++) { // every BMP code point and the start of plane 1
      samples.add(new String(Character.toChars(cp)));
    }
    for (String s : samples) {
      assertThat(RequestPathChecks.assignedAndNotControl(s))
          .as("header name %s", s.codePoints().boxed().toList())
          .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s));
      assertThat(RequestPathChecks.assignedAndNotControlOrTab(s))
          .as("header value %s", s.codePoints().boxed().toList())
          .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s));
      assertThat(RequestPathChecks.assignedAndNotControl(s))
          .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s));
    }
  }

  @Test
  void bearerResolverReturnsWhatSpringsReturnsAndRefusesWhatItRefuses() {
    Random random = new Random(11);
    List<String> headers =
        new ArrayList<>(
            List.of(
                "Bearer abc.def-ghi_jkl~mno+pqr/stu==",
                "Bearer ",
                "Bearer ==",
                "Bearer a=b",
                "bearer abc",
                "BEARER abc",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer abc\n",
                "Basic abc",
                "Bearerabc",
                "Bearer ab\u00e9"));
    String tokenChars = "abcXYZ019-._~+/=é \n";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder h = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
      for (int j = random.nextInt(12); j >= 0; j--) {
        h.append(tokenChars.charAt(random.nextInt(tokenChars.length())));
      }
      headers.add(h.toString());
    }
    var fast = new RequestPathChecks.FastBearerTokenResolver();
    var spring = new DefaultBearerTokenResolver();
    int accepted = 0;
    for (String h : headers) {
      MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/v1/auth/ping");
      r.addHeader("Authorization", h);
      Object expected = outcome(() -> spring.resolve(r));
      assertThat(outcome(() -> fast.resolve(r))).as("header [%s]", h).isEqualTo(expected);
      if (expected instanceof String) {
        accepted++;
      }
    }
    MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/v1/auth/ping");
    assertThat(fast.resolve(none)).isNull();
    assertThat(accepted).as("the generated headers hold well-formed tokens too").isGreaterThan(100);
  }

  /** The token, or the refusal's message. */
  private static Object outcome(java.util.function.Supplier<String> resolve) {
    Throwable t = catchThrowable(resolve::get);
    return t == null ? String.valueOf(resolve.get()) : "refused: " + t.getMessage();
  }

  private static String randomString(Random random, int max) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(max); i > 0; i--) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
