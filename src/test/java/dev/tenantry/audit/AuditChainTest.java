package dev.tenantry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain catches every direct tampering with audit rows. Each mutation runs in a
 * transaction that is rolled back after verifying, so the shared chain stays intact for others.
 */
class AuditChainTest extends IntegrationTest {
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;

  @BeforeEach
  void writeSomeEvents() {
    for (int i = 0; i < 4; i++) {
      int n = i;
      tx.executeWithoutResult(
          s ->
              audit.record(
                  AuditEntry.created(
                      "test.created", "test", UUID.randomUUID(), null, Map.of("n", n))));
    }
  }

  @Test
  void anIntactChainVerifies() {
    ChainVerification v = audit.verify();
    assertThat(v.valid()).as(String.valueOf(v.problem())).isTrue();
    assertThat(v.eventsChecked()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void recordRefusesToRunOutsideATransaction() {
    assertThatThrownBy(() -> audit.record(AuditEntry.event("test.x", "test", "1", null, null)))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aRolledBackChangeWritesNoEvent() {
    // counted by its own action, not as the table's total or head: a schedule that another test
    // made may fire (and write its event) meanwhile
    String action = "test.rolled-back-" + java.util.UUID.randomUUID();
    tx.executeWithoutResult(
        s -> {
          audit.record(AuditEntry.event(action, "test", "1", null, null));
          s.setRollbackOnly();
        });
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = ?")
                .param(action)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(audit.verify().valid()).as("the head still matches the last event").isTrue();
  }

  @Test
  void auditRowsAreAppendOnlyForTheApplication() {
    assertThatThrownBy(() -> sql("update audit_event set action = 'x' where seq = " + lastSeq()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("delete from audit_event where seq = " + lastSeq()))
        .hasMessageContaining("append-only");
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void editingARowIsDetected() {
    assertTamperingDetected(
        last -> sql("update audit_event set after_json = '{\"n\":99}' where seq = " + (last - 2)),
        "altered");
  }

  @Test
  void editingTheActorIsDetected() {
    assertTamperingDetected(
        last ->
            sql("update audit_event set actor_label = 'someone-else' where seq = " + (last - 1)),
        "altered");
  }

  @Test
  void deletingARowIsDetected() {
    assertTamperingDetected(
        last -> sql("delete from audit_event where seq = " + (last - 2)), "missing");
  }

  @Test
  void deletingTheLastRowIsDetected() {
    assertTamperingDetected(
        last -> sql("delete from audit_event where seq = " + last), "removed from the end");
  }

  @Test
  void appendingAForgedRowIsDetected() {
    assertTamperingDetected(
        last ->
            sql(
                "insert into audit_event select seq + 1, gen_random_uuid(), at, actor_user_id, actor_label,"
                    + " impersonator_user_id, 'forged', target_type, target_id, tenant_id, before_json,"
                    + " after_json, request_id, client_ip, hash, hash from audit_event where seq = "
                    + last),
        "altered");
  }

  @Test
  void insertingARowInTheMiddleIsDetected() {
    assertTamperingDetected(
        last -> {
          sql("update audit_event set seq = -seq where seq >= " + (last - 1));
          sql("update audit_event set seq = -seq + 1 where seq < 0");
          sql(
              "insert into audit_event select seq - 1, gen_random_uuid(), at, actor_user_id, actor_label,"
                  + " impersonator_user_id, 'forged', target_type, target_id, tenant_id, before_json,"
                  + " after_json, request_id, client_ip, prev_hash, hash from audit_event where seq = "
                  + last);
        },
        "");
  }

  @Test
  void reorderingRowsIsDetected() {
    assertTamperingDetected(
        last -> {
          long a = last - 2;
          long b = last - 1;
          sql("update audit_event set seq = -1 where seq = " + a);
          sql("update audit_event set seq = " + a + " where seq = " + b);
          sql("update audit_event set seq = " + b + " where seq = -1");
        },
        "does not follow");
  }

  private void assertTamperingDetected(Consumer<Long> tamper, String expectedProblem) {
    assertThat(audit.verify().valid()).isTrue();
    ChainVerification v =
        tx.execute(
            s -> {
              sql("set local session_replication_role = replica"); // what a superuser could do
              tamper.accept(lastSeq());
              ChainVerification result = audit.verify();
              s.setRollbackOnly();
              return result;
            });
    assertThat(v).isNotNull();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSeq()).isNotNull();
    assertThat(v.problem()).contains(expectedProblem);
    assertThat(audit.verify().valid()).as("the rollback restored the chain").isTrue();
  }

  private void sql(String statement) {
    jdbc.sql(statement).update();
  }

  private long lastSeq() {
    return jdbc.sql("select max(seq) from audit_event").query(Long.class).single();
  }
}
