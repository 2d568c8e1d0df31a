package dev.tenantry.identity.internal;

import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the authenticated token or session into the request's {@link Actor}, on every request: the
 * user is found by (tid, oid) only (by (tid, appId) for app-only tokens), and a disabled user, one
 * whose access has expired, or a session past its absolute lifetime is refused at once (the session
 * is invalidated). An active impersonation makes its target the effective user, with the real user
 * as impersonator. Any 403 answered on the way is recorded as {@code auth.access-denied}.
 */
final class ActorFilter extends OncePerRequestFilter {
  static final String SIGNED_IN_AT = "tenantry.signedInAt";
  private final ActorResolver resolver;
  private final SignInAudit audit;
  private final ProblemAuthHandlers problems;
  private final SessionProperties sessions;

  ActorFilter(
      ActorResolver resolver,
      SignInAudit audit,
      ProblemAuthHandlers problems,
      SessionProperties sessions) {
    this.resolver = resolver;
    this.audit = audit;
    this.problems = problems;
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EntraIdentity identity =
        EntraIdentity.of(SecurityContextHolder.getContext().getAuthentication());
    if (identity != null) {
      String refusal = identity.viaSession() ? sessionRefusal(request) : null;
      ActorResolver.Found user = refusal == null ? resolver.user(identity) : null;
      if (user != null && !user.mayActAt(Instant.now())) {
        refusal = user.standing().refusal();
      }
      if (refusal != null) {
        refuse(request, response, identity, refusal);
        return;
      }
      var imp = user == null ? null : resolver.impersonation(user.id());
      SignedIn signedIn = new SignedIn(identity, user == null ? null : user.id(), imp);
      request.setAttribute(SignedIn.ATTRIBUTE, signedIn);
      Actors.set(
          new Actor(
              signedIn.effectiveUserId(),
              identity.label(),
              imp == null ? null : imp.impersonatorId(),
              SignInAudit.requestId(request),
              request.getRemoteAddr()));
    }
    try {
      chain.doFilter(request, response);
      if (response.getStatus() == 403) {
        audit.accessDenied(request, "forbidden");
      }
    } finally {
      Actors.clear();
    }
  }

  private @Nullable String sessionRefusal(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object at = session == null ? null : session.getAttribute(SIGNED_IN_AT);
    if (!(at instanceof Instant signedInAt)) {
      return "session has no sign-in time";
    }
    return signedInAt.plus(sessions.absoluteTimeout()).isBefore(Instant.now())
        ? "session lifetime reached"
        : null;
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      EntraIdentity identity,
      String reason)
      throws IOException {
    audit.signInFailed(
        request,
        identity.username(),
        reason,
        Map.of(
            "tid",
            identity.tid(),
            "oid",
            identity.objectId(),
            "via",
            identity.viaSession() ? "session" : "bearer"));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    problems.unauthorized(
        request,
        response,
        switch (reason) {
          case "user disabled" -> "Your user is disabled; ask an administrator";
          case "access expired" -> "Your access has expired; ask an administrator";
          case "person inactive in Entra" ->
              "Your account is disabled or removed in Entra ID; ask an administrator";
          default -> "Your session has ended; sign in again";
        });
  }
}
