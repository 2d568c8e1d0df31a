package dev.tenantry.identity.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.UserAssignment;
import dev.tenantry.authz.UserChange;
import dev.tenantry.authz.access.AccessWriteLock;
import dev.tenantry.identity.internal.UserRepository.UserView;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: list, promote a person, create by hand or as an integration, enable/expire, delete. */
@Service
class UserAdmin {
  private final UserRepository users;
  private final People people;
  private final IdentityAccess access;
  private final AuditLog audit;
  private final AccessWriteLock lock;

  UserAdmin(
      UserRepository users,
      People people,
      IdentityAccess access,
      AuditLog audit,
      AccessWriteLock lock) {
    this.lock = lock;
    this.users = users;
    this.people = people;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  Page<UserView> list(
      @Nullable String q, @Nullable UUID tenantId, @Nullable Boolean enabled, int page, int size) {
    access.requireUser();
    return users.list(
        q, tenantId, enabled, access.visibleUserTenants(), Page.page(page), Page.size(size));
  }

  @Transactional(readOnly = true)
  UserView get(UUID id) {
    UserView u = find(id);
    access.requireViewUser(u.tenantId(), id);
    return u;
  }

  @Transactional
  UserView promote(UUID personId) {
    var person =
        people.person(personId).orElseThrow(() -> ApiException.notFound("Person", personId));
    access.requireManageUsers(person.tenantId());
    if (person.azureObjectId() == null) {
      throw ApiException.invalid(
          "Person " + personId + " has no Azure Object ID, so cannot sign in");
    }
    return create(
        person.id(),
        "PERSON",
        people.entraTenantOf(person.tenantId()),
        person.azureObjectId(),
        null);
  }

  @Transactional
  UserView createManual(
      UUID tenantId, String given, String family, String email, String azureObjectId) {
    UUID oid = guid("azureObjectId", azureObjectId);
    access.requireManageUsers(tenantId);
    UUID tid = people.entraTenantOf(tenantId);
    UUID personId = people.insert(tenantId, given, family, email, oid, "MANUAL");
    return create(personId, "PERSON", tid, oid, null);
  }

  @Transactional
  UserView createIntegration(
      UUID tenantId, String name, String appId, @Nullable String entraTenantId) {
    UUID app = guid("appId", appId);
    access.requireManageIntegrationUsers(tenantId);
    UUID tid =
        entraTenantId == null
            ? people.entraTenantOf(tenantId)
            : guid("entraTenantId", entraTenantId);
    UUID personId = people.insert(tenantId, name, "", "", null, "MANUAL");
    return create(personId, "INTEGRATION", tid, app, null);
  }

  UserView create(
      UUID personId, String kind, UUID tid, UUID objectId, @Nullable Instant expiresAt) {
    UserView created = createUnaudited(personId, kind, tid, objectId, expiresAt);
    audit.record(
        AuditEntry.created("user.created", "user", created.id(), created.tenantId(), created));
    return created;
  }

  /**
   * For access-request approval, whose caller has checked the grant and records the whole approval
   * (person, user, assignment) as its one audit event.
   */
  UserView createUnaudited(
      UUID personId, String kind, UUID tid, UUID objectId, @Nullable Instant expiresAt) {
    if (users.byIdentity(tid, objectId, kind).isPresent()) {
      throw ApiException.duplicate("A user with this Entra identity already exists");
    }
    UUID id = UUID.randomUUID();
    users.insert(id, personId, kind, tid, objectId, expiresAt, access.currentUserOrNull());
    return find(id);
  }

  @Transactional
  UserView update(
      UUID id,
      @Nullable Long version,
      @Nullable Boolean enabled,
      boolean expirySent,
      @Nullable Instant accessExpiresAt) {
    UserView before = find(id);
    access.requireViewUser(before.tenantId(), id);
    access.requireManageUsers(before.tenantId());
    if (version == null) {
      throw new ApiException(ErrorCode.PRECONDITION_REQUIRED, "Send the user's current version");
    }
    boolean newEnabled = enabled == null ? before.enabled() : enabled;
    Instant newExpiry = expirySent ? accessExpiresAt : before.accessExpiresAt();
    boolean enabledChanged = newEnabled != before.enabled();
    boolean expiryChanged = !Objects.equals(newExpiry, before.accessExpiresAt());
    if (enabledChanged || expiryChanged) {
      lock.acquire();
      boolean enabling =
          newEnabled && (!before.enabled() || later(newExpiry, before.accessExpiresAt()));
      access.requireUserChange(id, enabling, newExpiry);
      access.requireNoLockout(
          new UserChange.StandingChanged(id, before.tenantId(), newEnabled, newExpiry),
          newEnabled ? "Changing this user's access expiry" : "Disabling this user");
    }
    if (!users.update(id, version, newEnabled, newExpiry)) {
      throw ApiException.stale("User", id, version, before.version());
    }
    UserView after = find(id);
    audit.record(AuditEntry.changed("user.updated", "user", id, after.tenantId(), before, after));
    return after;
  }

  /** {@code a} ends later than {@code b} (null = never). */
  private static boolean later(@Nullable Instant a, @Nullable Instant b) {
    return b != null && (a == null || a.isAfter(b));
  }

  /**
   * Deleting a user removes their assignments and memberships (a cascade): each is judged like
   * removing it (6g), the instance keeps a full administrator (6h), and the audit event lists them.
   */
  @Transactional
  void delete(UUID id) {
    UserView before = find(id);
    access.requireDeleteUser(before.tenantId(), id);
    lock.acquire();
    access.requireUserChange(id, false, null);
    access.requireNoLockout(new UserChange.Removed(id), "Deleting this user");
    List<Map<String, Object>> cascaded = new ArrayList<>();
    for (UserAssignment a : access.directAssignments(id)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", a.assignmentId());
      row.put("roleId", a.roleId());
      row.put("effect", a.effect());
      row.put("scope", a.scope().toString());
      row.put("expiresAt", a.expiresAt());
      cascaded.add(row);
    }
    List<UUID> groups = access.groupIdsOf(id);
    users.delete(id);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("user", before);
    details.put("removedAssignments", cascaded);
    details.put("removedFromGroups", groups);
    audit.record(AuditEntry.deleted("user.deleted", "user", id, before.tenantId(), details));
  }

  private UserView find(UUID id) {
    return users.byId(id).orElseThrow(() -> ApiException.notFound("User", id));
  }

  static UUID guid(String field, @Nullable String value) {
    UUID id = EntraClaimsValidator.guid(value == null ? null : value.trim());
    if (id == null) {
      throw ApiException.invalid(
          field + " must be a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    }
    return id;
  }
}
