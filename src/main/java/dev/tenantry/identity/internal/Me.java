package dev.tenantry.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The "who am I" answer for the API and the home page. */
@Component
class Me {
  private final UserRepository users;
  private final AccessRequests requests;
  private final IdentityAccess access;

  Me(UserRepository users, AccessRequests requests, IdentityAccess access) {
    this.users = users;
    this.requests = requests;
    this.access = access;
  }

  @Transactional(readOnly = true)
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
            : PerRequest.once(
                    "user." + who.effectiveUserId(), () -> users.byId(who.effectiveUserId()))
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
          PerRequest.once("pendingAccessRequests", requests::pendingCount));
    }
    return out;
  }
}
