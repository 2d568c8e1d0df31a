package dev.tenantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {
  private Machine() {}

  /** The 1/5/15-minute load averages (what {@code uptime} prints). */
  static String load() {
    try {
      String[] x = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return x[0] + ", " + x[1] + ", " + x[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse(cpu);
    } catch (IOException e) {
      // keep "unknown CPU"
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), shared with other engineers' builds; "
        + "JDK "
        + System.getProperty("java.vm.vendor")
        + " "
        + System.getProperty("java.runtime.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch");
  }
}
