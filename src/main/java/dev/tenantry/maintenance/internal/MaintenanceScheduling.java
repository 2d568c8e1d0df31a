package dev.tenantry.maintenance.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.tenantry.shared.scheduling.ClusterScheduler;
import dev.tenantry.shared.scheduling.ClusterTasks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules on db-scheduler (once per cluster): each enabled schedule has one task instance of
 * {@code maintenance-schedule} (instance id = schedule id) whose execution time is its next cron
 * firing. Executing it fires the schedule for that time ({@link Firings}) and reschedules the
 * instance to the following firing (or removes it when the schedule is gone or disabled). "Run now"
 * is a {@code maintenance-firing} instance per firing id. Planning joins the caller's transaction
 * (see {@link ClusterScheduler}), so a schedule and its task instance commit together.
 */
@Component
class MaintenanceScheduling implements ClusterTasks {
  static final String SCHEDULE_TASK = "maintenance-schedule";
  static final String FIRING_TASK = "maintenance-firing";
  private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduling.class);
  private static final java.time.Duration RETRY = java.time.Duration.ofMinutes(1);
  private final CustomTask<Void> scheduleTask;
  private final OneTimeTask<Void> firingTask;
  private final ObjectProvider<ClusterScheduler> scheduler;
  private final ScheduleRepository schedules;
  private final ScheduleTimes times;

  MaintenanceScheduling(
      ObjectProvider<ClusterScheduler> scheduler,
      Firings firings,
      ScheduleRepository schedules,
      ScheduleTimes times) {
    this.scheduler = scheduler;
    this.schedules = schedules;
    this.times = times;
    this.scheduleTask =
        Tasks.custom(SCHEDULE_TASK, Void.class)
            .execute(
                (instance, ctx) -> {
                  UUID id = UUID.fromString(instance.getId());
                  Instant at = ctx.getExecution().executionTime;
                  try {
                    firings.fireScheduled(id, at, isSlot(id, at));
                  } catch (RuntimeException e) {
                    // resumed from its cursor by the retry (which is not a cron slot: no new
                    // firing)
                    log.warn("Firing schedule {} failed; retrying in {}", id, RETRY, e);
                    return (CompletionHandler<Void>)
                        (complete, ops) -> ops.reschedule(complete, Instant.now().plus(RETRY));
                  }
                  return (CompletionHandler<Void>)
                      (complete, ops) -> {
                        Optional<Instant> next = nextFiring(id);
                        if (next.isPresent()) {
                          ops.reschedule(complete, next.get());
                        } else {
                          ops.remove();
                        }
                      };
                });
    this.firingTask =
        Tasks.oneTime(FIRING_TASK)
            .execute((instance, ctx) -> firings.process(UUID.fromString(instance.getId())));
  }

  @Override
  public List<Task<?>> tasks() {
    return List.of(scheduleTask, firingTask);
  }

  /** Whether {@code at} is one of the schedule's cron times (not a retry's time). */
  private boolean isSlot(UUID id, Instant at) {
    return schedules
        .find(id, false)
        .map(
            s ->
                times
                    .cron(s)
                    .next(at.minusSeconds(1), times.zone(s))
                    .filter(at::equals)
                    .isPresent())
        .orElse(false);
  }

  /** The next firing after now of an enabled schedule. */
  private Optional<Instant> nextFiring(UUID id) {
    return schedules
        .find(id, false)
        .filter(ScheduleRow::enabled)
        .flatMap(s -> times.cron(s).next(Instant.now(), times.zone(s)));
  }

  /**
   * Puts the schedule's task instance at its next firing, or takes it away (disabled, never fires
   * again). Called inside the transaction that saves the schedule. An instance that is executing
   * right now is left alone: its completion reads the saved schedule and plans the next firing.
   */
  void plan(ScheduleRow s) {
    SchedulerClient client = scheduler.getObject().client();
    TaskInstanceId instance = TaskInstanceId.of(SCHEDULE_TASK, s.id().toString());
    Optional<Instant> next =
        s.enabled() ? times.cron(s).next(Instant.now(), times.zone(s)) : Optional.empty();
    var existing = client.getScheduledExecution(instance);
    if (existing.isPresent() && existing.get().isPicked()) {
      return;
    }
    try {
      if (next.isEmpty()) {
        if (existing.isPresent()) {
          client.cancel(instance);
        }
      } else if (existing.isPresent()) {
        client.reschedule(instance, next.get());
      } else {
        client.scheduleIfNotExists(scheduleTask.instance(s.id().toString()), next.get());
      }
    } catch (RuntimeException e) {
      // picked between the read and the write: its completion plans the next firing
      log.info("Schedule {} is firing; its next firing is planned when it completes", s.id(), e);
    }
  }

  void unplan(UUID scheduleId) {
    SchedulerClient client = scheduler.getObject().client();
    TaskInstanceId instance = TaskInstanceId.of(SCHEDULE_TASK, scheduleId.toString());
    client
        .getScheduledExecution(instance)
        .filter(e -> !e.isPicked())
        .ifPresent(e -> client.cancel(instance));
  }

  /** Queues a firing for now (in the caller's transaction) and wakes the scheduler after commit. */
  void queue(UUID firingId) {
    ClusterScheduler cluster = scheduler.getObject();
    cluster.client().scheduleIfNotExists(firingTask.instance(firingId.toString()), Instant.now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              cluster.wake();
            }
          });
    } else {
      cluster.wake();
    }
  }

  /** When the schedule's instance executes next (empty when it is not planned). */
  Optional<Instant> plannedAt(UUID scheduleId) {
    return scheduler
        .getObject()
        .client()
        .getScheduledExecution(TaskInstanceId.of(SCHEDULE_TASK, scheduleId.toString()))
        .map(e -> e.getExecutionTime());
  }
}
