package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, access requests, impersonation. */
@RestController
class IdentityController {
  private final Me me;
  private final AccessRequests requests;
  private final ImpersonationService impersonation;
  private final IdentityAccess access;

  IdentityController(
      Me me, AccessRequests requests, ImpersonationService impersonation, IdentityAccess access) {
    this.me = me;
    this.requests = requests;
    this.impersonation = impersonation;
    this.access = access;
  }

  record RequestAccess(@Nullable String message) {}

  record Deny(@Nullable String reason) {}

  record Impersonate(@Nullable String reason, @Nullable Integer minutes) {}

  @Requires(on = On.SIGNED_IN_IDENTITY, note = "does nothing: the cost of authentication alone")
  @GetMapping("/api/v1/auth/ping")
  ResponseEntity<Void> ping() {
    return ResponseEntity.noContent().build();
  }

  @Requires(on = On.SIGNED_IN_IDENTITY)
  @GetMapping("/api/v1/auth/me")
  Map<String, Object> me() {
    return me.describe(signedIn());
  }

  @Requires(
      on = On.SIGNED_IN_IDENTITY,
      note = "only while the application preference enables access requests")
  @PostMapping("/api/v1/auth/request-access")
  @ResponseStatus(HttpStatus.CREATED)
  AccessRequests.Request requestAccess(@RequestBody(required = false) RequestAccess body) {
    String message = body == null || body.message() == null ? "" : body.message().trim();
    return requests.create(signedIn(), message);
  }

  @Requires(
      value = {Permission.ACCESS_REQUESTS_VIEW},
      on = On.LIST,
      note =
          "held at any scope; lists only requests from directories linked to tenants where it is held")
  @GetMapping("/api/v1/access-requests")
  List<AccessRequests.Request> list(@RequestParam(defaultValue = "PENDING") String status) {
    return requests.list(status.toUpperCase());
  }

  @Requires(
      value = {Permission.ACCESS_REQUESTS_VIEW},
      on = On.LIST,
      note = "held at any scope; counts only requests the caller may see")
  @GetMapping("/api/v1/access-requests/count")
  Map<String, Long> count() {
    access.requireViewAccessRequests();
    return Map.of("pending", requests.pendingCount());
  }

  @Requires(
      value = {Permission.ACCESS_REQUESTS_MANAGE, Permission.USERS_VIEW, Permission.USERS_MANAGE},
      on = On.TENANT,
      note =
          "access-requests:view/manage on the request's tenant (the one linked to the requester's directory); users:view and users:manage on the tenant the user goes to; the role at the scope passes anti-escalation")
  @PostMapping("/api/v1/access-requests/{id}/approve")
  AccessRequests.Request approve(@PathVariable UUID id, @RequestBody AccessRequests.Approval body) {
    return requests.approve(id, body);
  }

  @Requires(
      value = {Permission.ACCESS_REQUESTS_VIEW, Permission.ACCESS_REQUESTS_MANAGE},
      on = On.TENANT,
      note = "on the request's tenant (the one linked to the requester's directory)")
  @PostMapping("/api/v1/access-requests/{id}/deny")
  AccessRequests.Request deny(@PathVariable UUID id, @RequestBody(required = false) Deny body) {
    return requests.deny(id, body == null || body.reason() == null ? "" : body.reason());
  }

  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_IMPERSONATE},
      on = On.USER,
      note =
          "users:impersonate is a system permission; the target holds nothing the impersonator lacks; only while the preference enables it")
  @PostMapping("/api/v1/users/{id}/impersonate")
  @ResponseStatus(HttpStatus.CREATED)
  Impersonations.Active impersonate(@PathVariable UUID id, @RequestBody Impersonate body) {
    return impersonation.start(id, body.reason() == null ? "" : body.reason(), body.minutes());
  }

  @Requires(on = On.SIGNED_IN_IDENTITY, note = "409 unless the caller is impersonating someone")
  @PostMapping("/api/v1/users/stop-impersonating")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void stopImpersonating() {
    impersonation.stop();
  }

  @Requires(on = On.SIGNED_IN_IDENTITY)
  @GetMapping("/api/v1/users/impersonation")
  Map<String, Object> currentImpersonation() {
    Map<String, Object> out = new LinkedHashMap<>();
    var active = impersonation.current();
    out.put("active", active.isPresent());
    active.ifPresent(a -> out.put("impersonation", a));
    return out;
  }

  private static SignedIn signedIn() {
    return SignedIn.current()
        .orElseThrow(
            () ->
                new ApiException(
                    dev.tenantry.shared.web.ErrorCode.UNAUTHENTICATED, "Sign in first"));
  }
}
