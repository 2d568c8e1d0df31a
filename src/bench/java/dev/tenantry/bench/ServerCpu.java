package dev.tenantry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time the server side spends: this JVM (the service runs in it) plus the embedded PostgreSQL
 * (its postmaster and every child of it, from {@code /proc}). CPU per request is what a throughput
 * ratio becomes on an idle, saturated machine, and load from other processes disturbs it far less
 * than it disturbs throughput. The benchmark's own client work in this JVM is small (wrk is a
 * separate process and is not counted).
 */
final class ServerCpu {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
  private final long postmaster;

  /** {@code postmaster}: the pid of the embedded PostgreSQL's postmaster, or -1 if unknown. */
  ServerCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** CPU nanoseconds used so far by this JVM and by PostgreSQL. */
  long nanos() {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return jvm + postgresTicks() * (1_000_000_000L / TICKS_PER_SECOND);
  }

  private long postgresTicks() {
    if (postmaster < 0) {
      return 0;
    }
    long ticks = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] f = stat(p);
        if (f == null) {
          continue;
        }
        long pid = Long.parseLong(name);
        long ppid = Long.parseLong(f[1]);
        if (pid == postmaster || ppid == postmaster) {
          // utime, stime (+ cutime, cstime of reaped children for the postmaster)
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          if (pid == postmaster) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }

  /** The fields of /proc/pid/stat after the command name: [0] = state, [1] = ppid, … */
  private static String[] stat(Path proc) {
    try {
      String s = Files.readString(proc.resolve("stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null; // gone meanwhile
    }
  }

  /** The postmaster of the database that {@code ds} connects to (the parent of a backend). */
  static long postmasterOf(javax.sql.DataSource ds) {
    try (var c = ds.getConnection();
        var rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
      rs.next();
      String[] f = stat(Path.of("/proc", String.valueOf(rs.getInt(1))));
      return f == null ? -1 : Long.parseLong(f[1]);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }
}
