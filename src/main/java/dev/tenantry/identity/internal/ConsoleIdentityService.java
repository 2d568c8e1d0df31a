package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.identity.ConsoleIdentity;
import dev.tenantry.shared.web.ConsoleHeaderData;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class ConsoleIdentityService implements ConsoleIdentity {
  private final UserRepository users;
  private final AccessRequests requests;
  private final IdentityAccess access;
  private final Authorizer authorizer;
  private final ConsoleHeaderData headerData;

  ConsoleIdentityService(
      UserRepository users,
      AccessRequests requests,
      IdentityAccess access,
      Authorizer authorizer,
      ConsoleHeaderData headerData) {
    this.users = users;
    this.requests = requests;
    this.access = access;
    this.authorizer = authorizer;
    this.headerData = headerData;
  }

  /**
   * No transaction: each value is one statement, and on console pages each is remembered per
   * (caller, policy revision, console data version) ({@link ConsoleHeaderData}).
   */
  @Override
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
            ? pendingCount(headerData, authorizer, requests)
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
    return user(headerData, authorizer, users, userId)
        .map(UserRepository.UserView::displayName)
        .orElse(fallback);
  }

  /** The user's row, once per request, and on console pages once per console data version. */
  static Optional<UserRepository.UserView> user(
      ConsoleHeaderData headerData, Authorizer authorizer, UserRepository users, UUID userId) {
    String key = "user." + userId;
    return PerRequest.once(
        key, () -> headerData.get(key, authorizer.revision(), () -> users.byId(userId)));
  }

  /** The pending access requests the caller may decide, like {@link #user}. */
  static long pendingCount(
      ConsoleHeaderData headerData, Authorizer authorizer, AccessRequests requests) {
    String key = "pendingAccessRequests";
    return PerRequest.once(
        key, () -> headerData.get(key, authorizer.revision(), requests::pendingCount));
  }
}
