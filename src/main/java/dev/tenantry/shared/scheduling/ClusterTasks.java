package dev.tenantry.shared.scheduling;

import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;

/**
 * A feature's db-scheduler tasks, handed to the one {@link ClusterScheduler} of the node: every
 * task it may execute, and those among them that schedule themselves at start-up (recurring ones).
 */
public interface ClusterTasks {
  List<Task<?>> tasks();

  /** The tasks that must exist once the scheduler starts (each is also in {@link #tasks()}). */
  default List<? extends OnStartup> startTasks() {
    return List.of();
  }
}
