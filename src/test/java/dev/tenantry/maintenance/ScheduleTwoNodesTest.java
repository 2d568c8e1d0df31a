package dev.tenantry.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.maintenance.internal.Firings;
import dev.tenantry.shared.scheduling.ClusterScheduler;
import dev.tenantry.support.Http;
import dev.tenantry.support.Nodes;
import dev.tenantry.support.Nodes.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes (application contexts) on one PostgreSQL, each running the cluster scheduler: a due
 * schedule fires once, with one session per target computer, however the nodes race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleTwoNodesTest {
  private Nodes nodes;
  private Node a;
  private Node b;

  @BeforeAll
  void start() throws Exception {
    nodes = new Nodes();
    a = nodes.start(Map.of("tenantry.maintenance.batch-size", "7"));
    b = nodes.start(Map.of("tenantry.maintenance.batch-size", "7"));
  }

  @AfterAll
  void stop() throws Exception {
    nodes.close();
  }

  @Test
  void scheduleFiresExactlyOnceWithTwoNodes() throws Exception {
    UUID tenant = a.users().clientTenant("two-nodes");
    List<UUID> computers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      computers.add(a.users().computer(tenant, ComputerType.WORKSTATION));
    }
    Http admin = a.as(a.users().mspAdmin());
    Http.Response created =
        admin.post(
            "/api/v1/schedules",
            Map.of("tenantId", tenant, "name", "Both nodes", "cron", "0 3 * * *"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    UUID id = UUID.fromString(created.json().path("id").asString());
    Instant due;
    try (Connection c = nodes.connect();
        PreparedStatement make =
            c.prepareStatement(
                // the last 03:00 UTC, a real firing time of "0 3 * * *" (the window's zone is UTC)
                "update scheduled_tasks set execution_time = case"
                    + " when date_trunc('day', now()) + interval '3 hours' <= now()"
                    + " then date_trunc('day', now()) + interval '3 hours'"
                    + " else date_trunc('day', now()) - interval '21 hours' end"
                    + " where task_name = 'maintenance-schedule' and task_instance = ?"
                    + " returning execution_time")) {
      make.setString(1, id.toString());
      try (ResultSet rs = make.executeQuery()) {
        assertThat(rs.next()).as("the schedule's task instance exists").isTrue();
        due = rs.getTimestamp(1).toInstant();
      }
    }
    // both nodes look for due executions at the same moment, and both also try to fire the same
    // (schedule, time) directly, as a retried or resurrected execution would
    CyclicBarrier together = new CyclicBarrier(4);
    List<CompletableFuture<Void>> racers = new ArrayList<>();
    for (Node n : List.of(a, b)) {
      racers.add(
          CompletableFuture.runAsync(
              () -> {
                arrive(together);
                n.bean(ClusterScheduler.class).wake();
              }));
      racers.add(
          CompletableFuture.runAsync(
              () -> {
                arrive(together);
                n.bean(Firings.class).fireScheduled(id, due);
              }));
    }
    CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                query(
                        "select count(*) from schedule_firing where schedule_id = ? and status = 'DONE'",
                        id)
                    == 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                query(
                        "select count(*) from scheduled_tasks where task_name = 'maintenance-schedule'"
                            + " and task_instance = ?::text and execution_time > now() and not picked",
                        id)
                    == 1);
    assertThat(query("select count(*) from schedule_firing where schedule_id = ?", id))
        .isEqualTo(1);
    assertThat(query("select count(*) from maintenance_session where schedule_id = ?", id))
        .isEqualTo(40);
    assertThat(
            query(
                "select count(distinct computer_id) from maintenance_session where schedule_id = ?",
                id))
        .isEqualTo(40);
  }

  private static void arrive(CyclicBarrier b) {
    try {
      b.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long query(String sql, UUID param) throws Exception {
    try (Connection c = nodes.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, sql.contains("?::text") ? param.toString() : param);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
