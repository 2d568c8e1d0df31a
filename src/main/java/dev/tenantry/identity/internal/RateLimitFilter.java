package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.ErrorCode;
import dev.tenantry.shared.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on the API ({@code tenantry.rate-limit.*}): per authenticated identity and per client
 * IP, answered 429 with Retry-After as problem details. Runs after the security filters, so the
 * identity is the verified one ((tid, oid) of a bearer token, or the console session's user).
 */
final class RateLimitFilter extends OncePerRequestFilter {
  private final RateLimits perIdentity;
  private final RateLimits perIp;
  private final JsonMapper json;

  RateLimitFilter(RateLimits perIdentity, RateLimits perIp, JsonMapper json) {
    this.perIdentity = perIdentity;
    this.perIp = perIp;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SecurityConfig.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long wait = perIp.tryConsume(request.getRemoteAddr());
    String identity = identity(SecurityContextHolder.getContext().getAuthentication());
    if (wait == 0 && identity != null) {
      wait = perIdentity.tryConsume(identity);
    }
    if (wait > 0) {
      tooMany(request, response, wait, json);
      return;
    }
    chain.doFilter(request, response);
  }

  static void tooMany(
      HttpServletRequest request, HttpServletResponse response, long seconds, JsonMapper json)
      throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        ProblemResponses.of(
            ErrorCode.RATE_LIMITED,
            "Too many requests; try again in " + seconds + " s",
            Map.of("retryAfterSeconds", seconds),
            request));
  }

  private static String identity(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return null;
    }
    if (auth instanceof JwtAuthenticationToken jwt) {
      Object tid = jwt.getToken().getClaims().get("tid");
      Object oid = jwt.getToken().getClaims().get("oid");
      return "jwt:" + tid + "/" + (oid != null ? oid : jwt.getToken().getSubject());
    }
    return "session:" + auth.getName();
  }
}
