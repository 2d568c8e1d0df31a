package dev.tenantry.library.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The owned-object core every library kind shares (DESIGN §7): finding an object the caller may see
 * (404 like a missing one otherwise), the manage/delete/ownership-change checks, the optimistic
 * lock, and the audit events with before/after. Each kind describes itself once ({@link Kind}); its
 * service keeps only what is its own (versions, files, secrets).
 */
@Component
public class OwnedObjects {
  private final LibraryAccess access;
  private final AuditLog audit;
  private final JdbcClient jdbc;

  OwnedObjects(LibraryAccess access, AuditLog audit, JdbcClient jdbc) {
    this.access = access;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** Reads one object of a kind, optionally locked ({@code for update}); empty when missing. */
  @FunctionalInterface
  interface Finder<T> {
    Optional<T> find(UUID id, boolean lock);
  }

  /**
   * A library kind as the core sees it: its permissions, its table, the audit type that prefixes
   * its events ({@code media} → {@code media.created}), how to read one, its ownership and lock
   * version, and what of it an audit event shows (never a secret).
   */
  record Kind<T>(
      LibraryKind kind,
      String table,
      String type,
      Finder<T> finder,
      Function<T, Ownership> ownership,
      ToLongFunction<T> version,
      Function<T, Object> auditView) {}

  /** The object if the caller may see it; 404 exactly like a random id otherwise. */
  <T> T visible(Kind<T> k, UUID id, boolean lock) {
    T t = k.finder().find(id, lock).orElseThrow(() -> ApiException.notFound(k.kind().label(), id));
    access.requireVisible(k.kind(), k.ownership().apply(t), id);
    return t;
  }

  /** The object, locked, if the caller may see it and holds the kind's manage permission on it. */
  <T> T forManage(Kind<T> k, UUID id) {
    T t = visible(k, id, true);
    access.requireManage(k.kind(), k.ownership().apply(t));
    return t;
  }

  /** As {@link #forManage}, also holding the optimistic lock when one is given. */
  <T> T forManage(Kind<T> k, UUID id, @Nullable Long expectedVersion) {
    T t = forManage(k, id);
    requireVersion(k, id, t, expectedVersion);
    return t;
  }

  /** The object, locked, if the caller may see and delete it, at the expected version if given. */
  <T> T forDelete(Kind<T> k, UUID id, @Nullable Long expectedVersion) {
    T t = visible(k, id, true);
    access.requireDelete(k.kind(), k.ownership().apply(t));
    requireVersion(k, id, t, expectedVersion);
    return t;
  }

  /**
   * The ownership after an update: manage on the old owner, and on the new one when it changes,
   * publishing when it goes wide ({@link LibraryAccess#forChange}); then the optimistic lock.
   */
  <T> Ownership forUpdate(
      Kind<T> k,
      UUID id,
      T before,
      long expectedVersion,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAll) {
    Ownership own =
        access.forChange(
            k.kind(), k.ownership().apply(before), ownerTenantId, global, visibleToAll);
    requireVersion(k, id, before, expectedVersion);
    return own;
  }

  /** The ownership of a new object ({@link LibraryAccess#forCreate}). */
  Ownership forCreate(
      Kind<?> k, @Nullable UUID ownerTenantId, boolean global, boolean visibleToAll) {
    return access.forCreate(k.kind(), ownerTenantId, global, visibleToAll);
  }

  <T> boolean canManage(Kind<T> k, UUID id) {
    return access.canManage(k.kind(), k.ownership().apply(visible(k, id, false)));
  }

  /**
   * Changes only who owns the object (DESIGN §7): manage on the old and the new owner, the kind's
   * MSP-only publish permission to make it global or visible to all tenants; audited as {@code
   * <type>.ownership-changed} with before and after. Nothing is written when nothing changes.
   */
  <T> T changeOwnership(
      Kind<T> k,
      UUID id,
      long expectedVersion,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAll) {
    T before = visible(k, id, true);
    Ownership was = k.ownership().apply(before);
    boolean widening =
        global && !was.global()
            || visibleToAll && k.kind().sharable() && !was.visibleToAllTenants();
    if (widening && !mayPublish(k.kind())) {
      throw ApiException.forbidden(
          "Making this "
              + k.kind().label()
              + " global or visible to all tenants needs the MSP-only permission '"
              + k.kind().publish().key()
              + "' (at OWNER or at the MSP concerned), which you do not hold");
    }
    Ownership own = forUpdate(k, id, before, expectedVersion, ownerTenantId, global, visibleToAll);
    if (own.equals(was)) {
      return before;
    }
    jdbc.sql(
            "update "
                + k.table()
                + " set owner_tenant_id = ?, created_by_msp_id = ?,"
                + (k.kind().sharable()
                    ? " visible_to_all_tenants = " + own.visibleToAllTenants() + ","
                    : "")
                + " updated_at = now(), version = version + 1 where id = ?")
        .params(own.ownerTenantId(), own.createdByMspId(), id)
        .update();
    T after = k.finder().find(id, false).orElseThrow();
    changed(
        k,
        "ownership-changed",
        id,
        own.ownerTenantId(),
        was.ownerTenantId(),
        k.auditView().apply(before),
        k.auditView().apply(after));
    return after;
  }

  /**
   * Whether the caller holds the kind's MSP-only publish permission anywhere (offer publishing).
   */
  boolean mayPublish(LibraryKind kind) {
    return access.holdsAnywhere(kind.publish());
  }

  private <T> void requireVersion(Kind<T> k, UUID id, T t, @Nullable Long expected) {
    long actual = k.version().applyAsLong(t);
    if (expected != null && expected != actual) {
      throw ApiException.stale(k.type(), id, expected, actual);
    }
  }

  /** {@code <type>.created} with the new object as the after image. */
  void created(Kind<?> k, UUID id, Ownership own, Object after) {
    audit.record(
        AuditEntry.created(k.type() + ".created", k.type(), id, own.ownerTenantId(), after));
  }

  /**
   * {@code <type>.<action>} with before and after, recorded against the new owner (or the old one
   * when the object became global).
   */
  void changed(
      Kind<?> k,
      String action,
      UUID id,
      @Nullable UUID ownerAfter,
      @Nullable UUID ownerBefore,
      Object before,
      Object after) {
    audit.record(
        AuditEntry.changed(
            k.type() + "." + action,
            k.type(),
            id,
            ownerAfter != null ? ownerAfter : ownerBefore,
            before,
            after));
  }

  /** {@code <type>.deleted} with the object as the before image. */
  void deleted(Kind<?> k, UUID id, @Nullable UUID owner, Object before) {
    audit.record(AuditEntry.deleted(k.type() + ".deleted", k.type(), id, owner, before));
  }
}
