package dev.tenantry.authz.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Read-your-writes on this node: after every read-write transaction commits (Spring Boot registers
 * this listener with the transaction manager), the policy store catches up before the request goes
 * on, so the next check sees the change. No feature has to remember to call anything; the triggers
 * of V10 record what changed.
 */
@Component
class CatchUpAfterCommit implements TransactionExecutionListener {
  private final PolicyStore store;

  CatchUpAfterCommit(PolicyStore store) {
    this.store = store;
  }

  @Override
  public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
    if (commitFailure == null && !transaction.isReadOnly()) {
      store.catchUp();
    }
  }
}
