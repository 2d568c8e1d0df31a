package dev.tenantry.identity.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.db.Rows;
import dev.tenantry.shared.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-service access requests: one pending per identity, decided once, never by the requester. */
@Service
class AccessRequests {
  enum Expiry {
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofDays(1)),
    THREE_DAYS(Duration.ofDays(3)),
    INDEFINITE(null);
    final @Nullable Duration duration;

    Expiry(@Nullable Duration d) {
      this.duration = d;
    }
  }

  record Request(
      UUID id,
      UUID entraTenantId,
      UUID entraObjectId,
      String name,
      String email,
      String message,
      String status,
      Instant requestedAt,
      @Nullable UUID decidedBy,
      @Nullable Instant decidedAt,
      @Nullable String grantedExpiry) {}

  record Approval(UUID tenantId, UUID roleId, ScopeInput scope, Expiry expiry) {}

  private static final String SELECT =
      """
      select id, entra_tenant_id, entra_object_id, name, email, message, status, requested_at,
             decided_by, decided_at, granted_expiry from access_request
      """;
  private final JdbcClient jdbc;
  private final AppPreferences prefs;
  private final IdentityAccess access;
  private final UserRepository users;
  private final People people;
  private final UserAdmin userAdmin;
  private final AuditLog audit;
  private final AccessRequestTenants requestTenants;

  private final dev.tenantry.authz.access.AccessWriteLock lock;

  AccessRequests(
      JdbcClient jdbc,
      AppPreferences prefs,
      IdentityAccess access,
      UserRepository users,
      People people,
      UserAdmin userAdmin,
      AuditLog audit,
      AccessRequestTenants requestTenants,
      dev.tenantry.authz.access.AccessWriteLock lock) {
    this.lock = lock;
    this.requestTenants = requestTenants;
    this.jdbc = jdbc;
    this.prefs = prefs;
    this.access = access;
    this.users = users;
    this.people = people;
    this.userAdmin = userAdmin;
    this.audit = audit;
  }

  @Transactional
  Request create(SignedIn who, String message) {
    dev.tenantry.shared.web.InputLimits.requireText("message", message, 2000);
    if (!prefs.enabled(AppPreferences.ACCESS_REQUESTS)) {
      throw ApiException.conflict(
          "Access requests are turned off on this instance; ask an administrator");
    }
    EntraIdentity id = who.identity();
    if (who.realUserId() != null || id.app()) {
      throw ApiException.conflict("You already have a user on this instance");
    }
    if (latest(id.tid(), id.objectId()).filter(r -> r.status().equals("PENDING")).isPresent()) {
      throw ApiException.conflict("You already have a pending access request");
    }
    UUID rid = UUID.randomUUID();
    jdbc.sql(
            """
        insert into access_request (id, entra_tenant_id, entra_object_id, name, email, message, status)
        values (?, ?, ?, ?, ?, ?, 'PENDING')
        """)
        .params(rid, id.tid(), id.objectId(), id.name(), id.email(), message)
        .update();
    Request r = byId(rid);
    audit.record(AuditEntry.created("access-request.created", "access-request", rid, null, r));
    return r;
  }

  Optional<Request> latest(UUID tid, UUID oid) {
    return jdbc.sql(
            SELECT
                + " where entra_tenant_id = ? and entra_object_id = ? order by requested_at desc limit 1")
        .params(tid, oid)
        .query(Rows.of(Request.class))
        .optional();
  }

  @Transactional(readOnly = true)
  List<Request> list(String status) {
    access.requireViewAccessRequests();
    Map<String, Object> params = new HashMap<>();
    String visible = requestTenants.visibleCondition(access.visibleAccessRequestTenants(), params);
    params.put("status", status);
    return jdbc.sql(SELECT + " ar where status = :status and " + visible + " order by requested_at")
        .params(params)
        .query(Rows.of(Request.class))
        .list();
  }

  /** Pending requests the caller may see (0 for a caller who may see none). */
  long pendingCount() {
    if (!access.canSeePendingRequests()) {
      return 0;
    }
    Map<String, Object> params = new HashMap<>();
    String visible = requestTenants.visibleCondition(access.visibleAccessRequestTenants(), params);
    return jdbc.sql(
            "select count(*) from access_request ar where status = 'PENDING' and " + visible)
        .params(params)
        .query(Long.class)
        .single();
  }

  @Transactional
  Request approve(UUID requestId, Approval a) {
    lock.acquire(); // before the request's row lock: the one lock order (docs/multi-node.md)
    Request r = decidable(requestId);
    ScopeInput scope = a.scope() == null ? null : a.scope().validated();
    if (scope == null || a.tenantId() == null || a.roleId() == null || a.expiry() == null) {
      throw ApiException.invalid("tenantId, roleId, scope and expiry are required");
    }
    access.requireManageUsers(a.tenantId());
    Instant expires = a.expiry().duration == null ? null : Instant.now().plus(a.expiry().duration);
    access.requireGrant(a.roleId(), scope, a.tenantId(), expires);
    boolean linked = people.tenantLink(a.tenantId()).map(r.entraTenantId()::equals).orElse(false);
    UUID personId =
        people
            .personByOid(a.tenantId(), r.entraObjectId())
            .orElseGet(
                () ->
                    people.insert(
                        a.tenantId(),
                        given(r.name()),
                        family(r.name()),
                        r.email(),
                        r.entraObjectId(),
                        linked ? "AZURE" : "MANUAL"));
    var user =
        userAdmin.createUnaudited(
            personId, "PERSON", r.entraTenantId(), r.entraObjectId(), expires);
    UUID assignmentId = UUID.randomUUID();
    if (!jdbc.sql("select exists (select 1 from role where id = ?)")
        .param(a.roleId())
        .query(Boolean.class)
        .single()) {
      throw ApiException.notFound("Role", a.roleId());
    }
    jdbc.sql(
            """
        insert into role_assignment (id, user_id, role_id, effect, scope_kind, scope_tenant_id,
                                     include_children, scope_tag_id, created_by)
        values (?, ?, ?, 'ALLOW', ?, ?, ?, ?, ?)
        """)
        .params(
            assignmentId,
            user.id(),
            a.roleId(),
            scope.kind(),
            scope.tenantId(),
            scope.children(),
            scope.tagId(),
            access.currentUserOrNull())
        .update();
    return decide(
        r,
        "APPROVED",
        a.expiry().name(),
        Map.of(
            "user",
            user,
            "personId",
            personId,
            "roleId",
            a.roleId(),
            "assignmentId",
            assignmentId,
            "scope",
            scope));
  }

  @Transactional
  Request deny(UUID requestId, String reason) {
    dev.tenantry.shared.web.InputLimits.requireText(
        "reason", reason, dev.tenantry.shared.web.InputLimits.MAX_TEXT);
    return decide(decidable(requestId), "DENIED", null, Map.of("reason", reason));
  }

  private Request decidable(UUID requestId) {
    access.requireApproveAccessRequests();
    Request r =
        jdbc.sql(SELECT + " where id = ? for update")
            .param(requestId)
            .query(Rows.of(Request.class))
            .optional()
            .orElseThrow(() -> ApiException.notFound("Access request", requestId));
    access.requireDecideAccessRequest(requestTenants.tenantOf(r.entraTenantId()), requestId);
    SignedIn me = SignedIn.current().orElseThrow();
    boolean own =
        me.identity().tid().equals(r.entraTenantId())
                && me.identity().objectId().equals(r.entraObjectId())
            || users
                .byIdentity(r.entraTenantId(), r.entraObjectId(), "PERSON")
                .map(u -> u.id().equals(me.effectiveUserId()) || u.id().equals(me.realUserId()))
                .orElse(false);
    if (own) {
      throw ApiException.forbidden("Nobody can decide their own access request");
    }
    if (!r.status().equals("PENDING")) {
      throw ApiException.conflict("This access request was already " + r.status().toLowerCase());
    }
    return r;
  }

  private Request decide(
      Request r, String status, @Nullable String expiry, Map<String, Object> details) {
    jdbc.sql(
            """
        update access_request set status = ?, decided_by = ?, decided_at = now(), granted_expiry = ?
         where id = ?
        """)
        .params(status, access.currentUserOrNull(), expiry, r.id())
        .update();
    Request after = byId(r.id());
    audit.record(
        new AuditEntry(
            "access-request." + status.toLowerCase(),
            "access-request",
            r.id().toString(),
            null,
            r,
            Map.of("request", after, "decision", details)));
    return after;
  }

  private Request byId(UUID id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(Rows.of(Request.class)).single();
  }

  private static String given(String name) {
    int i = name.trim().indexOf(' ');
    return i < 0 ? name.trim() : name.trim().substring(0, i);
  }

  private static String family(String name) {
    int i = name.trim().indexOf(' ');
    return i < 0 ? "" : name.trim().substring(i + 1);
  }
}
