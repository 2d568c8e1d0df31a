package dev.tenantry.identity.internal;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.web.ConsoleHeaderData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The "who am I" answer for the API and the home page. */
@Component
class Me {
  private final UserRepository users;
  private final AccessRequests requests;
  private final IdentityAccess access;
  private final ConsoleHeaderData headerData;
  private final Authorizer authorizer;

  Me(
      UserRepository users,
      AccessRequests requests,
      IdentityAccess access,
      ConsoleHeaderData headerData,
      Authorizer authorizer) {
    this.users = users;
    this.requests = requests;
    this.access = access;
    this.headerData = headerData;
    this.authorizer = authorizer;
  }

  /**
   * No transaction: each value is one statement (on the home page, remembered: ConsoleHeaderData).
   */
  Map<String, Object> describe(SignedIn who) {
    Map<String, Object> out = new LinkedHashMap<>();
    EntraIdentity id = who.identity();
    out.put("signedIn", true);
    out.put("tid", id.tid());
    out.put("oid", id.objectId());
    out.put("username", id.username());
    var user =
        who.effectiveUserId() == null
            ? null
            : ConsoleIdentityService.user(headerData, authorizer, users, who.effectiveUserId())
                .orElse(null);
    out.put("name", user == null ? id.name() : user.displayName());
    if (user != null) {
      out.put("userId", user.id());
      out.put("tenantId", user.tenantId());
      out.put("email", user.email());
    } else {
      requests
          .latest(id.tid(), id.objectId())
          .ifPresent(
              r ->
                  out.put(
                      "accessRequest",
                      Map.of("id", r.id(), "status", r.status(), "requestedAt", r.requestedAt())));
    }
    var imp = who.impersonation();
    out.put("impersonating", imp != null);
    if (imp != null) {
      out.put(
          "impersonation",
          Map.of(
              "impersonatorUserId",
              imp.impersonatorId(),
              "targetUserId",
              imp.targetId(),
              "expiresAt",
              imp.expiresAt()));
    }
    if (user != null && access.canSeePendingRequests()) {
      out.put(
          "openAccessRequestCount",
          ConsoleIdentityService.pendingCount(headerData, authorizer, requests));
    }
    return out;
  }
}
