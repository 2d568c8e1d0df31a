package dev.tenantry.identity.internal;

import dev.tenantry.shared.Actor;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The end of the browser code flow. Success: the session (already given a new id by Spring
 * Security's fixation protection) records its sign-in instant for the absolute lifetime, and {@code
 * auth.signed-in} is audited; a disabled or expired user, or an identity whose user is an
 * integration (API only), is refused instead. Failure: {@code auth.sign-in-failed} with the reason.
 */
@Component
class BrowserSignIn extends SavedRequestAwareAuthenticationSuccessHandler
    implements AuthenticationFailureHandler {
  private final UserRepository users;
  private final SignInAudit audit;

  BrowserSignIn(UserRepository users, SignInAudit audit) {
    this.users = users;
    this.audit = audit;
    setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication auth)
      throws ServletException, IOException {
    EntraIdentity id = EntraIdentity.of(auth);
    var user = id == null ? null : users.byIdentity(id.tid(), id.objectId(), "PERSON").orElse(null);
    String refusal =
        id == null
            ? "no Entra identity in the ID token"
            : user != null && !user.mayAct()
                ? user.refusal()
                : users.byIdentity(id.tid(), id.objectId(), "INTEGRATION").isPresent()
                    ? "integration users sign in through the API only"
                    : null;
    if (refusal != null) {
      audit.signInFailed(
          request, id == null ? null : id.username(), refusal, Map.of("via", "browser"));
      request.getSession().invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/signed-out?reason=refused");
      return;
    }
    request.getSession().setAttribute(ActorFilter.SIGNED_IN_AT, Instant.now());
    audit.signedIn(
        new Actor(
            user == null ? null : user.id(),
            id.label(),
            null,
            SignInAudit.requestId(request),
            request.getRemoteAddr()),
        Map.of("tid", id.tid(), "oid", id.objectId(), "hasUser", user != null));
    super.onAuthenticationSuccess(request, response, auth);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    audit.signInFailed(request, null, String.valueOf(e.getMessage()), Map.of("via", "browser"));
    response.sendRedirect(request.getContextPath() + "/signed-out?reason=failed");
  }
}
