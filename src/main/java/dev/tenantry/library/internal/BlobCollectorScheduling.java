package dev.tenantry.library.internal;

import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.tenantry.shared.scheduling.ClusterTasks;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs {@link BlobCollector} every {@code tenantry.library.blob-gc-interval} (default 1 hour), once
 * per cluster: a db-scheduler recurring task handed to the node's one {@code ClusterScheduler}
 * (table {@code scheduled_tasks}). Off with {@code tenantry.library.blob-gc-enabled=false} (the
 * test profile, whose tests call the collector themselves).
 */
@Component
@ConditionalOnProperty(
    name = "tenantry.library.blob-gc-enabled",
    havingValue = "true",
    matchIfMissing = true)
class BlobCollectorScheduling implements ClusterTasks {
  private final RecurringTask<Void> task;

  BlobCollectorScheduling(
      BlobCollector collector,
      @Value("${tenantry.library.blob-gc-interval:PT1H}") Duration interval) {
    this.task =
        Tasks.recurring("library-blob-gc", FixedDelay.of(interval))
            .execute((instance, ctx) -> collector.collect());
  }

  @Override
  public List<Task<?>> tasks() {
    return List.of(task);
  }

  @Override
  public List<? extends OnStartup> startTasks() {
    return List.of(task);
  }
}
