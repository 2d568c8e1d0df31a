package dev.tenantry.authz.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes across nodes (docs/multi-node.md). Every write answers {@code X-Policy-Revision:
 * <transaction id>}; a request that carries it back (or whose console session remembers the last
 * one) waits on whichever node serves it, bounded by {@code tenantry.policy.read-your-writes-wait},
 * until that node has applied the revision; then 503 with Retry-After.
 */
@Component
class ReadYourWrites implements HandlerInterceptor, WebMvcConfigurer {
  static final String HEADER = "X-Policy-Revision";
  static final String SESSION_ATTRIBUTE = "tenantry.policyRevision";
  private final PolicyStore store;

  ReadYourWrites(PolicyStore store) {
    this.store = store;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HEADER);
    if (header != null) {
      store.awaitApplied(parse(header));
      return true;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Long xid) {
      try {
        store.awaitApplied(xid);
      } catch (ApiException e) {
        if (e.code() != ErrorCode.VALIDATION_FAILED) {
          throw e;
        }
        session.removeAttribute(SESSION_ATTRIBUTE); // e.g. the database was restored from a backup
      }
    }
    return true;
  }

  /** Called after a write transaction committed on this thread: names it on the response. */
  static void wrote(long xid) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)) {
      return;
    }
    HttpServletResponse response = web.getResponse();
    if (response != null && !response.isCommitted()) {
      response.setHeader(HEADER, Long.toString(xid));
    }
    HttpSession session = web.getRequest().getSession(false);
    // Only a newer revision is written: the session row is not rewritten for nothing.
    if (session != null
        && !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Long known && known >= xid)) {
      session.setAttribute(SESSION_ATTRIBUTE, xid);
    }
  }

  private static long parse(String header) {
    try {
      long xid = Long.parseLong(header.trim());
      if (xid > 0) {
        return xid;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(HEADER + " must be a revision from an earlier response's header");
  }
}
