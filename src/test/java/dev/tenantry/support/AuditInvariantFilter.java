package dev.tenantry.support;

import dev.tenantry.shared.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test-only: watches every state-changing API call made by any integration test and checks the
 * audit invariant on it — a refused call (non-2xx) wrote no change event, a call that created
 * something (201) wrote exactly one, any other success at most one (a no-op writes none). Events
 * are matched by the request id. Security events ({@code auth.*}) are not change events.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class AuditInvariantFilter extends OncePerRequestFilter {
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** POST routes that only read (questions, not changes). */
  private static final Set<String> READ_ONLY = Set.of("/api/v1/access/check");

  private static final List<String> VIOLATIONS = new ArrayList<>();
  private final JdbcClient jdbc;

  AuditInvariantFilter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    String path = request.getRequestURI();
    if (!MUTATING.contains(request.getMethod())
        || !path.startsWith("/api/")
        || READ_ONLY.contains(path)) {
      return;
    }
    Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (requestId == null) {
      return;
    }
    long events =
        jdbc.sql(
                "select count(*) from audit_event where request_id = ? and action not like 'auth.%'")
            .param(requestId.toString())
            .query(Long.class)
            .single();
    int status = response.getStatus();
    if (status == 201 && COMPUTER_CREATE.matcher(path).matches()) {
      events -= onboardings(requestId.toString());
    }
    boolean ok =
        APPROVAL.matcher(path).matches()
            ? approvalOk(status, events)
            : status >= 200 && status < 300
                ? (status == 201 ? events == 1 : events <= 1)
                : events == 0;
    if (!ok) {
      synchronized (VIOLATIONS) {
        VIOLATIONS.add(
            request.getMethod()
                + " "
                + path
                + " → "
                + status
                + " wrote "
                + events
                + " audit events");
      }
    }
  }

  /**
   * Approving a change request records two changes in one transaction: the applied change (the
   * feature's event) and the request's {@code change-request.approved}. A 409 there is the request
   * moving to NEEDS_ATTENTION (one event) when its subject changed since, or a refusal (none).
   */
  private static final java.util.regex.Pattern APPROVAL =
      java.util.regex.Pattern.compile("^/api/v1/change-requests/[^/]+/approve$");

  private static boolean approvalOk(int status, long events) {
    return status == 200 ? events == 2 : status == 409 ? events <= 1 : events == 0;
  }

  /**
   * Creating a computer in a tenant with the preference {@code maintenance.onboarding} on also
   * queues its onboarding session, audited as its own change ({@code
   * maintenance-session.requested}, origin ONBOARDING): at most one such event is not counted as
   * the creation's.
   */
  private static final java.util.regex.Pattern COMPUTER_CREATE =
      java.util.regex.Pattern.compile("^/api/v1/computers$");

  private long onboardings(String requestId) {
    return Math.min(
        1,
        jdbc.sql(
                "select count(*) from audit_event where request_id = ?"
                    + " and action = 'maintenance-session.requested'"
                    + " and after_json::jsonb ->> 'origin' = 'ONBOARDING'")
            .param(requestId)
            .query(Long.class)
            .single());
  }

  /** Returns and forgets the violations seen so far. */
  static List<String> drain() {
    synchronized (VIOLATIONS) {
      List<String> copy = List.copyOf(VIOLATIONS);
      VIOLATIONS.clear();
      return copy;
    }
  }
}
