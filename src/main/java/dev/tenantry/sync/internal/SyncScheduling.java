package dev.tenantry.sync.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.tenantry.tenancy.Preferences;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The hourly Entra sync, once per cluster, with db-scheduler on PostgreSQL (table {@code
 * scheduled_tasks}): a recurring task that, when the application preference "Azure User Sync" is
 * on, schedules one task instance per linked tenant (instance id = tenant id, so a tenant is never
 * queued twice); each instance runs that tenant's sync alone, so a failing tenant never stops the
 * others. db-scheduler is wired by hand: its Spring Boot starter predates Spring Boot 4.
 */
@Component
class SyncScheduling implements SmartLifecycle {
  static final String PREFERENCE = "azure.user-sync.enabled";
  private static final Logger log = LoggerFactory.getLogger(SyncScheduling.class);
  private final Scheduler scheduler;
  private final OneTimeTask<Void> tenantSync;
  private final DirectoryLinkRepository links;
  private final Preferences preferences;
  private volatile boolean running;

  SyncScheduling(
      DataSource dataSource,
      DirectorySyncs syncs,
      DirectoryLinkRepository links,
      Preferences preferences,
      @Value("${tenantry.sync.interval:PT1H}") Duration interval) {
    this.links = links;
    this.preferences = preferences;
    this.tenantSync =
        Tasks.oneTime("directory-sync-tenant")
            .execute(
                (instance, ctx) -> {
                  UUID tenantId = UUID.fromString(instance.getId());
                  if (!syncs.runScheduled(tenantId)) {
                    log.info("Scheduled sync of tenant {} skipped: a run is going on", tenantId);
                  }
                });
    RecurringTask<Void> hourly =
        Tasks.recurring("directory-sync-hourly", FixedDelay.of(interval))
            .execute((instance, ctx) -> queueLinkedTenants(ctx.getSchedulerClient()));
    this.scheduler =
        Scheduler.create(dataSource, tenantSync)
            .startTasks(hourly)
            .threads(2)
            .pollingInterval(Duration.ofSeconds(10))
            .build();
  }

  /**
   * The hourly step: when "Azure User Sync" is on, queues a sync of every linked tenant that is not
   * queued yet; answers how many were queued.
   */
  int queueLinkedTenants(SchedulerClient client) {
    if (!preferences.applicationFlag(PREFERENCE)) {
      return 0;
    }
    int queued = 0;
    for (UUID tenantId : links.linkedTenants()) {
      if (client.scheduleIfNotExists(tenantSync.instance(tenantId.toString()), Instant.now())) {
        queued++;
      }
    }
    return queued;
  }

  /** Runs the hourly step now on this node and wakes the scheduler (tests, operators). */
  int runHourlyStepNow() {
    int queued = queueLinkedTenants(scheduler);
    scheduler.triggerCheckForDueExecutions();
    return queued;
  }

  @Override
  public void start() {
    scheduler.start();
    running = true;
  }

  @Override
  public void stop() {
    scheduler.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
