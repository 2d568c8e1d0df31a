package dev.tenantry.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is signed in on this request, as {@link ActorFilter} established it: the verified identity,
 * the real user behind it (absent for an identity that has only requested access), and the active
 * impersonation if any (then the effective user is its target).
 */
record SignedIn(
    EntraIdentity identity,
    @Nullable UUID realUserId,
    Impersonations.@Nullable Active impersonation) {
  static final String ATTRIBUTE = "tenantry.signedIn";

  @Nullable UUID effectiveUserId() {
    return impersonation != null ? impersonation.targetId() : realUserId;
  }

  static Optional<SignedIn> current() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      return of(a.getRequest());
    }
    return Optional.empty();
  }

  static Optional<SignedIn> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof SignedIn s
        ? Optional.of(s)
        : Optional.empty();
  }
}
