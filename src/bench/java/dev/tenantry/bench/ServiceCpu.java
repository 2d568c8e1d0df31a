package dev.tenantry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by the service: this JVM plus its PostgreSQL (the postmaster and every backend),
 * read from the JVM and from {@code /proc}. Per request, it is a figure that a loaded machine
 * disturbs far less than latency or throughput (the work done, not the time waited for a core).
 * Processes that exit between two readings (short-lived autovacuum workers) are not counted.
 */
final class ServiceCpu {
  private static final double TICK_NANOS = 1e9 / 100; // USER_HZ on Linux
  private final long postmaster;

  ServiceCpu(DataSource ds) throws IOException {
    String dir = JdbcClient.create(ds).sql("show data_directory").query(String.class).single();
    this.postmaster =
        Long.parseLong(Files.readAllLines(Path.of(dir, "postmaster.pid")).getFirst().strip());
  }

  /** Total CPU nanoseconds so far of the JVM and of PostgreSQL's processes. */
  long nanos() {
    return jvmNanos() + pgNanos();
  }

  static long jvmNanos() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime();
  }

  /**
   * CPU nanoseconds so far of the server's request threads (Tomcat's and the virtual threads'
   * carriers): the requests' own work in the JVM, without the JIT, the collector and background
   * tasks.
   */
  static long requestThreadNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && requestThread(info.getThreadName())) {
        long t = threads.getThreadCpuTime(info.getThreadId());
        sum += Math.max(0, t);
      }
    }
    return sum;
  }

  /** Tomcat's own threads, and the carriers of virtual threads (requests run on those). */
  private static boolean requestThread(String name) {
    return name.startsWith("http-nio-") || name.startsWith("ForkJoinPool-1-worker-");
  }

  /** CPU nanoseconds so far of PostgreSQL's processes. */
  long pgNanos() {
    long pg =
        Stream.concat(
                Stream.of(postmaster),
                ProcessHandle.of(postmaster).stream()
                    .flatMap(ProcessHandle::descendants)
                    .map(ProcessHandle::pid))
            .mapToLong(ServiceCpu::ticks)
            .sum();
    return Math.round(pg * TICK_NANOS);
  }

  /** utime + stime of one process in clock ticks; 0 when it is gone. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
