package dev.tenantry.identity.internal;

import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.shared.web.ErrorCode;
import dev.tenantry.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters, as problem details like every other error. A rejected
 * bearer token is recorded as {@code auth.sign-in-failed} with the full reason; the caller gets a
 * short safe one ({@link TokenRejection}) in {@code WWW-Authenticate: Bearer error="invalid_token",
 * error_description="…"} and in the problem's detail. A failed CSRF check answers its own code,
 * {@code csrf-failed}. (403s are audited by {@link ActorFilter}.)
 */
final class ProblemAuthHandlers
    implements AuthenticationEntryPoint,
        AccessDeniedHandler,
        org.springframework.security.web.firewall.RequestRejectedHandler {
  private static final String NIMBUS_PREFIX =
      "An error occurred while attempting to decode the Jwt: ";
  private final JsonMapper json;
  private final SignInAudit audit;

  ProblemAuthHandlers(JsonMapper json, SignInAudit audit) {
    this.json = json;
    this.audit = audit;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String token = bearer(request);
    if (token == null) {
      unauthorized(request, response, "A valid bearer token is required");
      return;
    }
    String reason = String.valueOf(e.getMessage()).replace(NIMBUS_PREFIX, "");
    audit.signInFailed(request, unverifiedUsername(token), reason, Map.of("via", "bearer"));
    String publicReason = TokenRejection.publicReason(reason);
    response.setHeader("WWW-Authenticate", TokenRejection.challenge(publicReason));
    write(
        response,
        ProblemResponses.of(
            ErrorCode.UNAUTHENTICATED,
            "The bearer token was not accepted: " + publicReason,
            Map.of(),
            request));
  }

  void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(response, ProblemResponses.of(ErrorCode.UNAUTHENTICATED, detail, Map.of(), request));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(
        response,
        e instanceof CsrfException
            ? ProblemResponses.of(
                ErrorCode.CSRF_FAILED,
                "The request's CSRF token is missing or invalid: reload the page and try again",
                Map.of(),
                request)
            : ProblemResponses.of(
                ErrorCode.FORBIDDEN, "You are not allowed to do this", Map.of(), request));
  }

  /** A URL the firewall refuses (NUL, encoded slash, ...) is a 400 problem like any other. */
  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.web.firewall.RequestRejectedException e)
      throws IOException {
    write(
        response,
        ProblemResponses.of(
            ErrorCode.MALFORMED_REQUEST,
            "The request URL contains characters or sequences that are not allowed",
            Map.of(),
            null));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  static @Nullable String bearer(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }

  /** For the audit label only: read without verifying, never used to identify anyone. */
  static @Nullable String unverifiedUsername(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("preferred_username");
    } catch (Exception e) {
      return null;
    }
  }
}
