package dev.tenantry.authz.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Read-your-writes: after every read-write transaction commits (Spring Boot registers this listener
 * with the transaction manager), the policy store catches up before the request goes on, so the
 * next check on this node sees the change; and the response of a transaction that wrote names it as
 * {@code X-Policy-Revision} (remembered in the console session too), so that a request carrying it
 * to any other node waits until that node has applied it ({@link ReadYourWrites}). No feature has
 * to remember to call anything; the triggers of V10 record what changed. A transaction that wrote
 * nothing catches up only when a policy change newer than this node's watermark exists.
 */
@Component
class CatchUpAfterCommit implements TransactionExecutionListener {
  /** What {@link #beforeCommit} learnt about the committing transaction. */
  private record Committing(@Nullable Long xid, boolean behind) {}

  private final ThreadLocal<Committing> committing = new ThreadLocal<>();
  private final PolicyStore store;
  private final DataSource dataSource;
  private final Counter skipped;

  CatchUpAfterCommit(PolicyStore store, DataSource dataSource, MeterRegistry meters) {
    this.store = store;
    this.dataSource = dataSource;
    this.skipped =
        meters.counter("tenantry.policy.catchup.skipped"); // transactions found nothing newer
  }

  /**
   * On the transaction's own connection, in one statement: its transaction id if it wrote, and
   * whether any policy change at or above this node's watermark is committed now. Every transaction
   * that committed after the watermark's database snapshot has an id at or above it, so {@code
   * false} proves that this node has applied everything committed before this statement.
   */
  @Override
  public void beforeCommit(TransactionExecution transaction) {
    committing.remove();
    if (transaction.isReadOnly()) {
      return;
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
        c.prepareStatement(
            "select pg_current_xact_id_if_assigned()::text,"
                + " coalesce((select max(xid) from policy_change) >= (?::text)::xid8, false)")) {
      ps.setString(1, Long.toString(store.revision()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String xid = rs.getString(1);
        committing.set(new Committing(xid == null ? null : Long.parseLong(xid), rs.getBoolean(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the transaction id", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  @Override
  public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
    Committing committed = committing.get();
    committing.remove();
    if (commitFailure != null || transaction.isReadOnly()) {
      return;
    }
    // A read-write transaction that only read also catches up when the node is behind: a console
    // request's session load (Spring Session's own read-write transaction) is what makes a user
    // disabled or revoked by another node lose the session on their next page, not up to the
    // feed's bound later (BrowserSignInTest). When beforeCommit saw no change at or above the
    // watermark there is nothing to apply, and the catch-up (its lock, a connection of the policy
    // pool and three queries) is skipped. Only a transaction that wrote names a revision.
    if (committed == null || committed.xid() != null || committed.behind()) {
      store.catchUp();
    } else {
      skipped.increment();
    }
    if (committed != null && committed.xid() != null) {
      ReadYourWrites.wrote(committed.xid());
    }
  }
}
