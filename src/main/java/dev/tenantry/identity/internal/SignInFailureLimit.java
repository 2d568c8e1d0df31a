package dev.tenantry.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in failures per client IP, shared by every node: they are the {@code auth.sign-in-failed}
 * audit events in PostgreSQL (V71 indexes them). A client IP with {@code max} failures within
 * {@code window} gets 429 with Retry-After for any request that tries to authenticate (a bearer
 * token or the OIDC callback), before the token is even looked at. Each node re-reads an IP's count
 * at most once per {@link #RECHECK}.
 */
final class SignInFailureLimit extends OncePerRequestFilter {
  static final Duration RECHECK = Duration.ofSeconds(2);
  private final JdbcClient jdbc;
  private final int max;
  private final Duration window;
  private final JsonMapper json;
  private final ConcurrentMap<String, long[]> cache =
      new ConcurrentHashMap<>(); // ip → {until, blocked}

  SignInFailureLimit(JdbcClient jdbc, int max, Duration window, JsonMapper json) {
    this.jdbc = jdbc;
    this.max = max;
    this.window = window;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader("Authorization") == null
        && !request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2/code/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (blocked(request.getRemoteAddr())) {
      RateLimitFilter.tooMany(request, response, window.toSeconds(), json);
      return;
    }
    chain.doFilter(request, response);
  }

  boolean blocked(String ip) {
    long now = System.nanoTime();
    long[] cached = cache.get(ip);
    if (cached != null && now - cached[0] < 0) {
      return cached[1] == 1;
    }
    if (cache.size() > 100_000) {
      cache.clear();
    }
    long failures =
        jdbc.sql(
                """
                select count(*) from audit_event
                where action = 'auth.sign-in-failed' and client_ip = ?
                  and at > clock_timestamp() - make_interval(secs => ?)""")
            .params(ip, (double) window.toSeconds())
            .query(Long.class)
            .single();
    boolean blocked = failures >= max;
    cache.put(ip, new long[] {now + RECHECK.toNanos(), blocked ? 1 : 0});
    return blocked;
  }
}
