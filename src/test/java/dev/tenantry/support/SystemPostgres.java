package dev.tenantry.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL cluster run from the operating system's packages (Debian: {@code
 * postgresql}, installed by {@code ./tenantry test}), with the {@code pg_dump} and {@code
 * pg_restore} of the very same version: what an operator has next to an external PostgreSQL. As
 * root, the server runs in a user namespace ({@code unshare -U}, as zonky does), since PostgreSQL
 * refuses to run as root.
 */
public final class SystemPostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final int port;

  private SystemPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** The newest /usr/lib/postgresql/N/bin that has the server and pg_dump/pg_restore. */
  public static Path binaries() {
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    return Arrays.stream(versions == null ? new File[0] : versions)
        .map(f -> f.toPath().resolve("bin"))
        .filter(
            b ->
                List.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore").stream()
                    .allMatch(x -> Files.isExecutable(b.resolve(x))))
        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
        .orElseThrow(
            () ->
                new AssertionError(
                    "The backup test needs PostgreSQL with pg_dump/pg_restore under"
                        + " /usr/lib/postgresql/<version>/bin (Debian: apt-get install postgresql;"
                        + " ./tenantry test installs it)"));
  }

  public static SystemPostgres start() throws Exception {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("tenantry-syspg-");
    dir.toFile().setWritable(true, false);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SystemPostgres pg = new SystemPostgres(bin, dir, port);
    pg.server("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust");
    pg.server(
        "pg_ctl",
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("log").toString(),
        "-w",
        "-t",
        "120",
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=localhost -c fsync=off",
        "start");
    return pg;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public Path bin() {
    return bin;
  }

  /** Runs a client tool of the same version (pg_dump, pg_restore, …) against this server. */
  public void client(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of("-h", "localhost", "-p", String.valueOf(port), "-U", "postgres"));
    command.addAll(List.of(args));
    run(command);
  }

  private void server(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(command + " did not finish");
    }
    assertThat(p.exitValue()).as(command + "\n" + out).isZero();
  }

  @Override
  public void close() throws Exception {
    server("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
