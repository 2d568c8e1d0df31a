package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

  IdentityController(Me me, AccessRequests requests, ImpersonationService impersonation,
      IdentityAccess access) {
    this.me = me;
    this.requests = requests;
    this.impersonation = impersonation;
    this.access = access;
  }

  record RequestAccess(@Nullable String message) {}

  record Deny(@Nullable String reason) {}

  record Impersonate(@Nullable String reason, @Nullable Integer minutes) {}

  @GetMapping("/api/v1/auth/me")
  Map<String, Object> me() {
    return me.describe(signedIn());
  }

  @PostMapping("/api/v1/auth/request-access")
  @ResponseStatus(HttpStatus.CREATED)
  AccessRequests.Request requestAccess(@RequestBody(required = false) RequestAccess body) {
    String message = body == null || body.message() == null ? "" : body.message().trim();
    return requests.create(signedIn(), message);
  }

  @GetMapping("/api/v1/access-requests")
  List<AccessRequests.Request> list(@RequestParam(defaultValue = "PENDING") String status) {
    return requests.list(status.toUpperCase());
  }

  @GetMapping("/api/v1/access-requests/count")
  Map<String, Long> count() {
    access.requireViewAccessRequests();
    return Map.of("pending", requests.pendingCount());
  }

  @PostMapping("/api/v1/access-requests/{id}/approve")
  AccessRequests.Request approve(@PathVariable UUID id, @RequestBody AccessRequests.Approval body) {
    return requests.approve(id, body);
  }

  @PostMapping("/api/v1/access-requests/{id}/deny")
  AccessRequests.Request deny(@PathVariable UUID id, @RequestBody(required = false) Deny body) {
    return requests.deny(id, body == null || body.reason() == null ? "" : body.reason());
  }

  @PostMapping("/api/v1/users/{id}/impersonate")
  @ResponseStatus(HttpStatus.CREATED)
  Impersonations.Active impersonate(@PathVariable UUID id, @RequestBody Impersonate body) {
    return impersonation.start(id, body.reason() == null ? "" : body.reason(), body.minutes());
  }

  @PostMapping("/api/v1/users/stop-impersonating")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void stopImpersonating() {
    impersonation.stop();
  }

  @GetMapping("/api/v1/users/impersonation")
  Map<String, Object> currentImpersonation() {
    Map<String, Object> out = new LinkedHashMap<>();
    var active = impersonation.current();
    out.put("active", active.isPresent());
    active.ifPresent(a -> out.put("impersonation", a));
    return out;
  }

  private static SignedIn signedIn() {
    return SignedIn.current().orElseThrow(() -> new ApiException(
        dev.tenantry.shared.web.ErrorCode.UNAUTHENTICATED, "Sign in first"));
  }
}
