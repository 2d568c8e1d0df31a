package dev.tenantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent serving a scenario: this JVM (the service runs in it; {@code wrk} is another
 * process) plus the embedded PostgreSQL (its postmaster, every backend and what the postmaster
 * reaped), from {@code /proc}. On a saturated machine, throughput is inversely proportional to this
 * cost, so the ratio of two scenarios' CPU per request is what their throughput ratio becomes on an
 * idle box; unlike throughput it barely moves when other processes share the cores.
 */
final class ServerCpu {
  private static final long TICKS_PER_S = 100; // USER_HZ on Linux
  private final long postmaster;

  private ServerCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  static ServerCpu of(DataSource pg) {
    String data = JdbcClient.create(pg).sql("show data_directory").query(String.class).single();
    try {
      return new ServerCpu(
          Long.parseLong(Files.readAllLines(Path.of(data, "postmaster.pid")).get(0).trim()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot find the postmaster of " + data, e);
    }
  }

  /** Java + PostgreSQL CPU seconds so far. */
  double seconds() {
    return javaSeconds() + postgresSeconds();
  }

  /** This JVM's CPU seconds so far. */
  double javaSeconds() {
    return ticks(Path.of("/proc/self/stat"), false) / (double) TICKS_PER_S;
  }

  /** The embedded PostgreSQL's CPU seconds so far. */
  double postgresSeconds() {
    long ticks = ticks(Path.of("/proc", String.valueOf(postmaster), "stat"), true);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        long[] s = stat(p.resolve("stat"));
        if (s.length > 0 && s[3] == postmaster) { // a process gone meanwhile has no fields
          ticks += s[13] + s[14];
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ticks / (double) TICKS_PER_S;
  }

  private static long ticks(Path stat, boolean withChildren) {
    long[] s = stat(stat);
    return s[13] + s[14] + (withChildren ? s[15] + s[16] : 0);
  }

  /** The numeric fields of a stat file, numbered as in proc(5) minus one (ppid is [3]). */
  private static long[] stat(Path file) {
    String line;
    try {
      line = Files.readString(file);
    } catch (IOException e) { // the process ended meanwhile
      return new long[0];
    }
    String[] rest = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    long[] out = new long[17]; // up to cstime; later fields may not fit a long (rsslim)
    for (int i = 1; i + 2 < out.length; i++) { // rest[0] is the state letter (field 3)
      out[i + 2] = Long.parseLong(rest[i]);
    }
    return out;
  }
}
