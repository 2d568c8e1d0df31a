package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.AccessWriteLock;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.tenancy.internal.TenantTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one lock order (docs/multi-node.md): access-write lock, tenant-tree lock, rows, audit chain
 * head. A structural write takes the access-write lock and then the tree lock; a path that asks for
 * the tree lock first still gets the access-write lock first (TenantTree.lock takes it), so the two
 * never deadlock — on the old code (tree lock alone, as the instance MSP initializer used it before
 * TenantCommands took the access-write lock) PostgreSQL aborted one of them as a deadlock.
 */
class LockOrderTest extends IntegrationTest {
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate tx;
  @Autowired TenantTree tree;
  @Autowired AccessWriteLock accessWriteLock;
  @Autowired AuditLog audit;

  @Test
  void aTreeLockFirstPathAndAStructuralWriteNeverDeadlock() throws Exception {
    try (Connection structural = dataSource.getConnection()) {
      structural.setAutoCommit(false);
      advisory(structural, "select pg_advisory_xact_lock(?)", AccessWriteLock.KEY);
      int pid = pid(structural);
      // the other path asks for the tree lock, then the access-write lock (the wrong order)
      CompletableFuture<Void> treeFirst =
          CompletableFuture.runAsync(
              () ->
                  tx.executeWithoutResult(
                      s -> {
                        tree.lock();
                        accessWriteLock.acquire();
                      }));
      waitUntilBlockedBy(pid, treeFirst);
      // the structural write goes on to the tree lock, as TenantCommands does
      try (PreparedStatement st =
          structural.prepareStatement(
              "select pg_advisory_xact_lock(hashtext('tenantry.tenant-tree'))")) {
        st.executeQuery().close();
      }
      structural.commit();
      treeFirst.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void theAccessWriteLockIsNeverFirstTakenAfterTheAuditHead() {
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      audit.record(
                          AuditEntry.event(
                              "test.lock-order", "test", UUID.randomUUID(), null, null));
                      accessWriteLock.acquire();
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Lock order");
    // taken first, it may be taken again after the audit head (it is held already)
    tx.executeWithoutResult(
        s -> {
          accessWriteLock.acquire();
          audit.record(AuditEntry.event("test.lock-order", "test", UUID.randomUUID(), null, null));
          accessWriteLock.acquire();
          s.setRollbackOnly();
        });
  }

  private static void advisory(Connection c, String sql, long key) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, key);
      st.executeQuery().close();
    }
  }

  private static int pid(Connection c) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Waits (no time assertion) until another backend waits for a lock held by {@code pid}. */
  private void waitUntilBlockedBy(int pid, CompletableFuture<?> other) throws Exception {
    for (int i = 0; i < 1200 && !other.isDone(); i++) {
      long blocked =
          jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
              .param(pid)
              .query(Long.class)
              .single();
      if (blocked > 0) {
        assertThat(other).isNotDone();
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the other transaction never waited for the structural write");
  }
}
