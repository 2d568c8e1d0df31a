package dev.tenantry.authz.access;

import dev.tenantry.shared.db.LockOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * DESIGN §3.6j: access-changing writes are serialized, so that two concurrent changes cannot each
 * pass checks that their combination fails. Every write that can change who may do what
 * (assignments, memberships, role edits, user state, structural changes of §3.10) takes this lock
 * first, inside its transaction, and holds it until commit.
 */
@Component
public class AccessWriteLock {
  /** The one PostgreSQL advisory lock key for access-changing writes ('TNTRYACC'). */
  public static final long KEY = 0x544E545259414343L;

  private static final String HELD = "tenantry.lock-order.access-write";
  private final JdbcClient jdbc;

  AccessWriteLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the lock for the rest of the current transaction (there must be one). It comes first in
   * the lock order ({@link LockOrder}): a transaction that already holds the audit chain head and
   * does not hold this lock yet is refused.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void acquire() {
    if (!TransactionSynchronizationManager.hasResource(HELD)) {
      LockOrder.requireBeforeAuditHead("the access-write lock");
      TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
            }
          });
    }
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEY).query().singleRow();
  }
}
