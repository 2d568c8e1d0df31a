package dev.tenantry.authz;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a check is about (DESIGN §2–§3).
 *
 * <ul>
 *   <li>{@link SystemTarget}: the whole instance. System permissions are always decided
 *       system-wide, whatever the target. A non-system permission against the system target is
 *       covered only by an {@code OWNER} scope.
 *   <li>{@link TenantTarget}: a tenant, or anything that has no finer target than its tenant.
 *   <li>{@link ComputerTarget}: a computer; covered when its tenant is, or a resource scope selects
 *       it.
 *   <li>{@link ObjectTarget}: a shared object (script, software, task, media, license, …) owned by
 *       a tenant, or global when the owner is null (then covered only by {@code OWNER} or {@code
 *       MSP(createdByMspId)}, except that a {@code *:view} permission is granted by an assignment
 *       holding it at any scope).
 * </ul>
 */
public sealed interface Target {

  enum SystemTarget implements Target {
    INSTANCE
  }

  record TenantTarget(UUID tenantId) implements Target {
    public TenantTarget {
      Objects.requireNonNull(tenantId, "tenantId");
    }
  }

  record ComputerTarget(UUID computerId) implements Target {
    public ComputerTarget {
      Objects.requireNonNull(computerId, "computerId");
    }
  }

  record ObjectTarget(@Nullable UUID ownerTenantId, @Nullable UUID createdByMspId)
      implements Target {
    public boolean global() {
      return ownerTenantId == null;
    }
  }

  static Target system() {
    return SystemTarget.INSTANCE;
  }

  static Target tenant(UUID tenantId) {
    return new TenantTarget(tenantId);
  }

  static Target computer(UUID computerId) {
    return new ComputerTarget(computerId);
  }

  static Target ownedObject(UUID ownerTenantId) {
    return new ObjectTarget(ownerTenantId, null);
  }

  static Target globalObject(@Nullable UUID createdByMspId) {
    return new ObjectTarget(null, createdByMspId);
  }
}
