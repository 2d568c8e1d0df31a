package dev.tenantry.library.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link BlobCollector} every {@code tenantry.library.blob-gc-interval} (default 1 hour), once
 * per cluster: a db-scheduler recurring task on PostgreSQL (table {@code scheduled_tasks}), wired
 * by hand like the directory sync's. Off with {@code tenantry.library.blob-gc-enabled=false} (the
 * test profile, whose tests call the collector themselves).
 */
@Component
@ConditionalOnProperty(
    name = "tenantry.library.blob-gc-enabled",
    havingValue = "true",
    matchIfMissing = true)
class BlobCollectorScheduling implements SmartLifecycle {
  private final Scheduler scheduler;
  private volatile boolean running;

  BlobCollectorScheduling(
      DataSource dataSource,
      BlobCollector collector,
      @Value("${tenantry.library.blob-gc-interval:PT1H}") Duration interval) {
    RecurringTask<Void> task =
        Tasks.recurring("library-blob-gc", FixedDelay.of(interval))
            .execute((instance, ctx) -> collector.collect());
    this.scheduler =
        Scheduler.create(dataSource)
            .startTasks(task)
            .threads(1)
            .pollingInterval(Duration.ofSeconds(30))
            .build();
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
