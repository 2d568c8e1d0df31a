package dev.tenantry.identity.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.identity.internal.UserRepository.UserView;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.time.Instant;
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

  UserAdmin(UserRepository users, People people, IdentityAccess access, AuditLog audit) {
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
    if (!users.update(id, version, newEnabled, newExpiry)) {
      throw ApiException.stale("User", id, version, before.version());
    }
    UserView after = find(id);
    audit.record(AuditEntry.changed("user.updated", "user", id, after.tenantId(), before, after));
    return after;
  }

  @Transactional
  void delete(UUID id) {
    UserView before = find(id);
    access.requireDeleteUser(before.tenantId(), id);
    users.delete(id);
    audit.record(AuditEntry.deleted("user.deleted", "user", id, before.tenantId(), before));
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
