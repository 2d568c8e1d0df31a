package dev.tenantry.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change to record. {@code action} is a stable code such as {@code tenant.created}; {@code
 * before}/{@code after} are serialised to JSON (null when the object did not exist before or no
 * longer exists after).
 */
public record AuditEntry(
    String action,
    String targetType,
    String targetId,
    @Nullable UUID tenantId,
    @Nullable Object before,
    @Nullable Object after) {

  public static AuditEntry created(
      String action, String type, Object id, @Nullable UUID tenantId, Object after) {
    return new AuditEntry(action, type, id.toString(), tenantId, null, after);
  }

  public static AuditEntry changed(
      String action, String type, Object id, @Nullable UUID tenantId, Object before, Object after) {
    return new AuditEntry(action, type, id.toString(), tenantId, before, after);
  }

  public static AuditEntry deleted(
      String action, String type, Object id, @Nullable UUID tenantId, Object before) {
    return new AuditEntry(action, type, id.toString(), tenantId, before, null);
  }

  /** A security event (sign-in, denial) with no before/after state. */
  public static AuditEntry event(
      String action, String type, Object id, @Nullable UUID tenantId, @Nullable Object details) {
    return new AuditEntry(action, type, id.toString(), tenantId, null, details);
  }
}
