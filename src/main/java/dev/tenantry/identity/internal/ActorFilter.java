package dev.tenantry.identity.internal;

import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the authenticated token into the request's {@link Actor}. The user is found by (tid, oid)
 * only — never by e-mail, UPN or name, which are mutable.
 */
final class ActorFilter extends OncePerRequestFilter {
  private final JdbcClient jdbc;

  ActorFilter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken token) {
      var jwt = token.getToken();
      UUID tid = guid(jwt.getClaimAsString("tid"));
      UUID oid = guid(jwt.getClaimAsString("oid"));
      UUID userId = tid == null || oid == null ? null : findUser(tid, oid).orElse(null);
      String label =
          firstNonBlank(jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"), jwt.getSubject());
      Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
      Actors.set(
          new Actor(
              userId,
              label,
              null,
              requestId == null ? "" : requestId.toString(),
              request.getRemoteAddr()));
    }
    try {
      chain.doFilter(request, response);
    } finally {
      Actors.clear();
    }
  }

  private Optional<UUID> findUser(UUID tid, UUID oid) {
    return jdbc.sql("select id from app_user where entra_tenant_id = ? and entra_object_id = ?")
        .params(tid, oid)
        .query(UUID.class)
        .optional();
  }

  static @Nullable UUID guid(@Nullable String s) {
    if (s == null || s.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "unknown";
  }
}
