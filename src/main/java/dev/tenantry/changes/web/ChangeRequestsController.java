package dev.tenantry.changes.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.changes.ChangeRequestQueries;
import dev.tenantry.changes.ChangeRequestState;
import dev.tenantry.changes.internal.ChangeRequestDecisions;
import dev.tenantry.changes.internal.ChangeRequestService;
import dev.tenantry.changes.internal.ChangeRequestViews;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/change-requests")
class ChangeRequestsController {
  private static final String DECIDE =
      "change-requests:approve on the request's tenant (cross-tenant: at OWNER or the MSP);"
          + " never by its author, nor while impersonating them or impersonated by them";
  private final ChangeRequestService requests;
  private final ChangeRequestDecisions decisions;
  private final ChangeRequestQueries queries;

  ChangeRequestsController(
      ChangeRequestService requests,
      ChangeRequestDecisions decisions,
      ChangeRequestQueries queries) {
    this.requests = requests;
    this.decisions = decisions;
    this.queries = queries;
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW},
      on = On.LIST,
      note = "plus the caller's own requests")
  @GetMapping
  Page<ChangeRequestViews.Summary> list(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return requests.list(
        new ChangeRequestViews.Query(state(state), kind, mine, Page.page(page), Page.size(size)));
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_APPROVE},
      on = On.LIST,
      note = "counts the waiting requests the caller may decide (0 otherwise)")
  @GetMapping("/open-count")
  Map<String, Long> openCount() {
    return Map.of("count", queries.waitingForMyApproval());
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW},
      on = On.TENANT,
      note = "on the request's tenant (cross-tenant: its MSP's tenant, else OWNER); or its author")
  @GetMapping("/{id}")
  ResponseEntity<ChangeRequestViews.Detail> get(@PathVariable UUID id) {
    return ok(requests.get(id));
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW, Permission.CHANGE_REQUESTS_APPROVE},
      on = On.TENANT,
      note = DECIDE + "; plus what the change's own feature needs of the approver")
  @PostMapping("/{id}/approve")
  ResponseEntity<ChangeRequestViews.Detail> approve(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody(required = false) @Nullable Decision d) {
    long version = Versions.required(d == null ? null : d.version(), ifMatch, "change request", id);
    return ok(decisions.approve(id, version, d == null ? null : d.reason()));
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW, Permission.CHANGE_REQUESTS_APPROVE},
      on = On.TENANT,
      note = DECIDE)
  @PostMapping("/{id}/deny")
  ResponseEntity<ChangeRequestViews.Detail> deny(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody Decision d) {
    return ok(decisions.deny(id, Versions.optional(d.version(), ifMatch), d.reason()));
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW, Permission.CHANGE_REQUESTS_APPROVE},
      on = On.TENANT,
      note = DECIDE)
  @PostMapping("/{id}/require-changes")
  ResponseEntity<ChangeRequestViews.Detail> requireChanges(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody Decision d) {
    return ok(decisions.requireChanges(id, Versions.optional(d.version(), ifMatch), d.reason()));
  }

  @Requires(
      on = On.SELF,
      note =
          "the request's author only (no permission: approval is judged by the approver's"
              + " rights); the request waits for approval again")
  @PutMapping("/{id}")
  ResponseEntity<ChangeRequestViews.Detail> revise(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody Revision r) {
    long version = Versions.required(r.version(), ifMatch, "change request", id);
    return ok(decisions.revise(id, version, r.summary(), r.after()));
  }

  @Requires(
      on = On.SELF,
      note = "the request's author only, while it is open (no permission); it stays, CANCELLED")
  @PostMapping("/{id}/withdraw")
  ResponseEntity<ChangeRequestViews.Detail> withdraw(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody(required = false) @Nullable Decision d) {
    return ok(decisions.withdraw(id, Versions.optional(d == null ? null : d.version(), ifMatch)));
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW},
      on = On.TENANT,
      note =
          "the author, or a holder of change-requests:approve on the request who is not its author")
  @PostMapping("/{id}/comments")
  ResponseEntity<ChangeRequestViews.Comment> comment(
      @PathVariable UUID id, @Valid @RequestBody CommentRequest c) {
    ChangeRequestViews.Comment saved = requests.comment(id, c.body());
    return ResponseEntity.created(
            URI.create("/api/v1/change-requests/" + id + "/comments#" + saved.id()))
        .body(saved);
  }

  @Requires(
      value = {Permission.CHANGE_REQUESTS_VIEW},
      on = On.TENANT,
      note = "as GET /{id}")
  @GetMapping("/{id}/comments")
  List<ChangeRequestViews.Comment> comments(@PathVariable UUID id) {
    return requests.comments(id);
  }

  private static ResponseEntity<ChangeRequestViews.Detail> ok(ChangeRequestViews.Detail d) {
    return ResponseEntity.ok().eTag(Versions.etag(d.version())).body(d);
  }

  static @Nullable ChangeRequestState state(@Nullable String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return ChangeRequestState.valueOf(s.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "state: one of " + java.util.Arrays.toString(ChangeRequestState.values()));
    }
  }

  /** A decision: why (required to deny or require changes), and the version decided on. */
  record Decision(@Nullable @Size(max = 2000) String reason, @Nullable Long version) {}

  /** The author's new proposal. */
  record Revision(
      @Nullable @Size(max = 500) String summary, @NotNull JsonNode after, @Nullable Long version) {}

  record CommentRequest(@NotNull @Size(min = 1, max = 4000) String body) {}
}
