package dev.tenantry.sync.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.tenantry.shared.scheduling.ClusterScheduler;
import dev.tenantry.shared.scheduling.ClusterTasks;
import dev.tenantry.tenancy.Preferences;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hourly Entra sync, once per cluster, with db-scheduler on PostgreSQL (table {@code
 * scheduled_tasks}): a recurring task that, when the application preference "Azure User Sync" is
 * on, schedules one task instance per linked tenant (instance id = tenant id, so a tenant is never
 * queued twice); each instance runs that tenant's sync alone, so a failing tenant never stops the
 * others. The tasks run on the node's shared {@link ClusterScheduler}.
 */
@Component
class SyncScheduling implements ClusterTasks {
  static final String PREFERENCE = "azure.user-sync.enabled";
  private static final Logger log = LoggerFactory.getLogger(SyncScheduling.class);
  private final OneTimeTask<Void> tenantSync;
  private final RecurringTask<Void> hourly;
  private final DirectoryLinkRepository links;
  private final Preferences preferences;
  private final ObjectProvider<ClusterScheduler> scheduler;

  SyncScheduling(
      ObjectProvider<ClusterScheduler> scheduler,
      DirectorySyncs syncs,
      DirectoryLinkRepository links,
      Preferences preferences,
      @Value("${tenantry.sync.interval:PT1H}") Duration interval) {
    this.links = links;
    this.preferences = preferences;
    this.scheduler = scheduler;
    this.tenantSync =
        Tasks.oneTime("directory-sync-tenant")
            .execute(
                (instance, ctx) -> {
                  UUID tenantId = UUID.fromString(instance.getId());
                  if (!syncs.runScheduled(tenantId)) {
                    log.info("Scheduled sync of tenant {} skipped: a run is going on", tenantId);
                  }
                });
    this.hourly =
        Tasks.recurring("directory-sync-hourly", FixedDelay.of(interval))
            .execute((instance, ctx) -> queueLinkedTenants(ctx.getSchedulerClient()));
  }

  @Override
  public List<Task<?>> tasks() {
    return List.of(tenantSync, hourly);
  }

  @Override
  public List<? extends OnStartup> startTasks() {
    return List.of(hourly);
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
    ClusterScheduler cluster = scheduler.getObject();
    int queued = queueLinkedTenants(cluster.client());
    cluster.wake();
    return queued;
  }
}
