package dev.tenantry.shared.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one order in which a transaction takes Tenantry's shared database locks (docs/multi-node.md):
 *
 * <ol>
 *   <li>the access-write lock ({@code AccessWriteLock}, DESIGN §3.6j);
 *   <li>the tenant-tree lock ({@code TenantTree.lock()}, which takes the access-write lock first
 *       itself);
 *   <li>row locks ({@code select … for update}, updates) of the objects changed;
 *   <li>the audit chain head, taken by {@code AuditLog.record} and held until commit — always last.
 * </ol>
 *
 * Two transactions that take any two of these in the same order cannot deadlock on them. Taking the
 * access-write lock for the first time after the audit head is refused here (an {@link
 * IllegalStateException}: a programming error that could deadlock under load), so every test that
 * runs such a path fails.
 */
public final class LockOrder {
  private static final String AUDIT_HEAD = "tenantry.lock-order.audit-head";

  private LockOrder() {}

  /** Called when this transaction locks the audit chain head. */
  public static void auditHeadLocked() {
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && !TransactionSynchronizationManager.hasResource(AUDIT_HEAD)) {
      TransactionSynchronizationManager.bindResource(AUDIT_HEAD, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(AUDIT_HEAD);
            }
          });
    }
  }

  /** Refuses to take {@code lock} now if this transaction already holds the audit chain head. */
  public static void requireBeforeAuditHead(String lock) {
    if (TransactionSynchronizationManager.hasResource(AUDIT_HEAD)) {
      throw new IllegalStateException(
          "Lock order: "
              + lock
              + " must be taken before the audit chain head (docs/multi-node.md, lock order)");
    }
  }
}
