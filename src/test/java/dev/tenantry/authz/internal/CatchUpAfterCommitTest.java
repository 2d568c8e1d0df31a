package dev.tenantry.authz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read-write transaction that wrote nothing (a console request's session load) catches the policy
 * store up only when a policy change at or above the node's watermark is committed: it skips the
 * catch-up when the node is current, and never when a change was committed outside this node's
 * transactions (another node, plain SQL) — that change is applied before the request goes on.
 *
 * <p>The store under test is one of its own, without the feed listener or the poll, so that only
 * the listener under test ever catches it up.
 */
class CatchUpAfterCommitTest extends IntegrationTest {
  @Autowired TransactionTemplate transactions;
  @Autowired DataSource dataSource;
  @Autowired BuiltInRoleSync builtIns;
  @Autowired FeedSettings settings;
  private PolicyConnections connections;
  private PolicyStore store;
  private CatchUpAfterCommit listener;
  private final MeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void ownStore() throws Exception {
    connections = new PolicyConnections(dataSource);
    store = new PolicyStore(connections, builtIns, settings, meters);
    listener = new CatchUpAfterCommit(store, dataSource, meters);
  }

  @AfterEach
  void closeStore() {
    store.deregister();
    connections.close();
  }

  @Test
  void aTransactionThatWroteNothingSkipsTheCatchUpWhenTheNodeIsCurrent() {
    boolean skipped = false;
    // A writer still running at the catch-up (a scheduler's heartbeat) can hold the watermark
    // below a committed change for one round; a later catch-up passes it.
    for (int round = 0; round < 20 && !skipped; round++) {
      store.catchUp();
      double before = skippedCount();
      readOnlyInEffect();
      skipped = skippedCount() > before;
    }
    assertThat(skipped).as("a current node skips the catch-up of a transaction that read").isTrue();
  }

  @Test
  void aChangeCommittedElsewhereIsAppliedAfterTheNextTransactionThatWroteNothing() {
    TestUser user = testUsers.user(testUsers.mspTenant());
    store.catchUp();
    assertThat(store.snapshot().user(user.id()).orElseThrow().enabled()).isTrue();
    jdbc.sql("update app_user set enabled = false where id = ?").param(user.id()).update();
    double before = skippedCount();
    readOnlyInEffect();
    assertThat(skippedCount()).as("a newer change is never skipped").isEqualTo(before);
    assertThat(store.snapshot().user(user.id()).orElseThrow().enabled()).isFalse();
  }

  /** A read-write transaction that only reads, with the listener under test around its commit. */
  private void readOnlyInEffect() {
    AtomicReference<TransactionStatus> tx = new AtomicReference<>();
    transactions.executeWithoutResult(
        s -> {
          jdbc.sql("select count(*) from tenant").query(Long.class).single();
          tx.set(s);
          listener.beforeCommit(s);
        });
    listener.afterCommit(tx.get(), null);
  }

  private double skippedCount() {
    return meters.counter("tenantry.policy.catchup.skipped").count();
  }
}
