package dev.tenantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the feature benchmarks (library, deployments, policy feed) share: the machine's load, and
 * their own section of {@code docs/benchmarks.md} between {@code <!-- name -->} and {@code <!--
 * /name -->}, replaced on every run (placed before the end of the notes when new).
 */
public final class BenchDoc {
  private BenchDoc() {}

  /** The load averages (1/5/15 min, runnable/total, last pid) as {@code /proc/loadavg} has them. */
  public static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().replace(' ', '/');
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Writes the section {@code name}: its introduction, then the figures as name=value lines. */
  public static void writeSection(String name, List<String> intro, Map<String, String> figures)
      throws IOException {
    String start = "<!-- " + name + " -->";
    String end = "<!-- /" + name + " -->";
    List<String> lines = new ArrayList<>();
    lines.add(start);
    lines.addAll(intro);
    lines.add("```");
    figures.forEach((k, v) -> lines.add(k + "=" + v));
    lines.add("```");
    lines.add(end);
    String section = String.join("\n", lines);
    Path doc = Path.of("docs/benchmarks.md");
    String text = Files.readString(doc);
    int a = text.indexOf(start);
    int b = text.indexOf(end);
    if (a >= 0 && b > a) {
      text = text.substring(0, a) + section + text.substring(b + end.length());
    } else {
      int notesEnd = text.indexOf("<!-- /notes -->");
      text = text.substring(0, notesEnd) + section + "\n\n" + text.substring(notesEnd);
    }
    Files.writeString(doc, text);
  }
}
