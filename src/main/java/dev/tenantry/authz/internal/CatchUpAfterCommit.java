package dev.tenantry.authz.internal;

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
 * to remember to call anything; the triggers of V10 record what changed.
 */
@Component
class CatchUpAfterCommit implements TransactionExecutionListener {
  private static final ThreadLocal<Long> WRITER = new ThreadLocal<>();
  private final PolicyStore store;
  private final DataSource dataSource;

  CatchUpAfterCommit(PolicyStore store, DataSource dataSource) {
    this.store = store;
    this.dataSource = dataSource;
  }

  @Override
  public void beforeCommit(TransactionExecution transaction) {
    WRITER.remove();
    if (transaction.isReadOnly()) {
      return;
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
            c.prepareStatement("select pg_current_xact_id_if_assigned()::text");
        ResultSet rs = ps.executeQuery()) {
      String xid = rs.next() ? rs.getString(1) : null;
      if (xid != null) {
        WRITER.set(Long.parseLong(xid));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the transaction id", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  @Override
  public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
    Long xid = WRITER.get();
    WRITER.remove();
    // Every read-write transaction catches up, also one that only read: a console request's
    // session load (Spring Session's own read-write transaction) is what makes a user disabled or
    // revoked by another node lose the session on their next page, not up to the feed's bound
    // later (BrowserSignInTest). Only a transaction that wrote names a revision.
    if (commitFailure == null && !transaction.isReadOnly()) {
      store.catchUp();
      if (xid != null) {
        ReadYourWrites.wrote(xid);
      }
    }
  }
}
