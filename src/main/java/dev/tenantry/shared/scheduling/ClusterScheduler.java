package dev.tenantry.shared.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The node's one db-scheduler {@link Scheduler} on PostgreSQL (table {@code scheduled_tasks}),
 * running the tasks of every {@link ClusterTasks} bean: each task instance executes on one node of
 * the cluster. It is wired by hand: db-scheduler's Spring Boot starter (16.7.1, the newest on Maven
 * Central here) is built for Spring Boot 3.
 *
 * <p>The scheduler uses a transaction-aware view of the data source (as the starter does): {@code
 * schedule}, {@code reschedule} and {@code cancel} called inside a Spring transaction join it, so a
 * schedule and its task instance commit or roll back together.
 */
@Component
public class ClusterScheduler implements SmartLifecycle {
  private final Scheduler scheduler;
  private volatile boolean running;

  ClusterScheduler(
      DataSource dataSource,
      List<ClusterTasks> features,
      @Value("${tenantry.scheduler.polling-interval:PT10S}") Duration polling,
      @Value("${tenantry.scheduler.threads:4}") int threads) {
    List<Task<?>> tasks = new ArrayList<>();
    List<OnStartup> start = new ArrayList<>();
    for (ClusterTasks f : features) {
      start.addAll(f.startTasks());
      // the builder registers start tasks itself: list each task once
      f.tasks().stream().filter(t -> !f.startTasks().contains(t)).forEach(tasks::add);
    }
    this.scheduler =
        Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
            .startTasks(startTasks(start))
            .threads(threads)
            .pollingInterval(polling)
            .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List startTasks(List<OnStartup> start) {
    return start;
  }

  /** Schedules, reschedules and cancels task instances (joins the caller's transaction). */
  public SchedulerClient client() {
    return scheduler;
  }

  /** Looks for due executions now instead of at the next poll (tests, "run now"). */
  public void wake() {
    scheduler.triggerCheckForDueExecutions();
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
