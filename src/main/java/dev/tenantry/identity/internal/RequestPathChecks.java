package dev.tenantry.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The same checks Spring Security makes on every request, without regular expressions on the hot
 * path (issue 10: JFR put about a tenth of an authorized API call's CPU in {@code java.util.regex},
 * matching the ~1 KB bearer token twice, character by character).
 *
 * <ul>
 *   <li>The firewall is Spring Security's {@link StrictHttpFirewall} with its defaults; only its
 *       header-name, header-value and parameter-name predicates are replaced by loops that accept
 *       exactly what its patterns accept ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, header
 *       values also a tab), with a fast path for printable ASCII.
 *   <li>Bearer tokens: a header {@code Authorization: Bearer <token>} whose token is well formed
 *       ({@code [a-zA-Z0-9-._~+/]+=*}) is taken as is; anything else (no header, another case of
 *       "bearer", a malformed token) goes to Spring's {@link DefaultBearerTokenResolver}, which
 *       answers exactly as before (query and form tokens stay disabled, as by default).
 * </ul>
 *
 * {@code RequestPathChecksTest} compares both with Spring's own on generated input.
 */
@Configuration(proxyBeanMethods = false)
class RequestPathChecks {

  @Bean
  WebSecurityCustomizer fastFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(RequestPathChecks::assignedAndNotControl);
    firewall.setAllowedHeaderValues(RequestPathChecks::assignedAndNotControlOrTab);
    firewall.setAllowedParameterNames(RequestPathChecks::assignedAndNotControl);
    return web -> web.httpFirewall(firewall);
  }

  @Bean
  BearerTokenResolver bearerTokenResolver() {
    return new FastBearerTokenResolver();
  }

  /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} */
  static boolean assignedAndNotControl(String s) {
    return allowed(s, false);
  }

  /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} (header values may hold a tab) */
  static boolean assignedAndNotControlOrTab(String s) {
    return allowed(s, true);
  }

  private static boolean allowed(String s, boolean tab) {
    int n = s.length();
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, not a control
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  static final class FastBearerTokenResolver implements BearerTokenResolver {
    private static final String PREFIX = "Bearer ";
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
      String h = request.getHeader("Authorization");
      if (h != null && h.startsWith(PREFIX) && wellFormed(h, PREFIX.length())) {
        return h.substring(PREFIX.length());
      }
      return spring.resolve(request);
    }

    /** {@code [a-zA-Z0-9-._~+/]+=*} from {@code from} to the end. */
    static boolean wellFormed(String h, int from) {
      int n = h.length();
      int i = from;
      while (i < n && tokenChar(h.charAt(i))) {
        i++;
      }
      if (i == from) {
        return false;
      }
      while (i < n && h.charAt(i) == '=') {
        i++;
      }
      return i == n;
    }

    private static boolean tokenChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '+'
          || c == '/';
    }
  }
}
