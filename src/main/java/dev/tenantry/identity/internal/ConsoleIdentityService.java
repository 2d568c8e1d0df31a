package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.identity.ConsoleIdentity;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ConsoleIdentityService implements ConsoleIdentity {
  private final UserRepository users;
  private final AccessRequests requests;
  private final IdentityAccess access;
  private final Authorizer authorizer;

  ConsoleIdentityService(
      UserRepository users, AccessRequests requests, IdentityAccess access, Authorizer authorizer) {
    this.users = users;
    this.requests = requests;
    this.access = access;
    this.authorizer = authorizer;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Header> header() {
    return SignedIn.current().map(this::header);
  }

  private Header header(SignedIn who) {
    EntraIdentity id = who.identity();
    UUID effective = who.effectiveUserId();
    String name = effective == null ? id.name() : name(effective, id.name());
    Long pending =
        effective != null
                && access.canSeePendingRequests()
                && authorizer.holdsAnywhere(Permission.ACCESS_REQUESTS_MANAGE)
            ? PerRequest.once("pendingAccessRequests", requests::pendingCount)
            : null;
    var imp = who.impersonation();
    Impersonating impersonating =
        imp == null
            ? null
            : new Impersonating(
                imp.impersonatorId(),
                name(imp.impersonatorId(), id.name()),
                imp.targetId(),
                name,
                imp.expiresAt());
    return new Header(name, id.username(), effective, pending, impersonating);
  }

  private String name(UUID userId, String fallback) {
    return PerRequest.once("user." + userId, () -> users.byId(userId))
        .map(UserRepository.UserView::displayName)
        .orElse(fallback);
  }
}
