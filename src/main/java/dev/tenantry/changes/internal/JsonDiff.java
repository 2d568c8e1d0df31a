package dev.tenantry.changes.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tenantry.changes.FieldChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The field-level diff of two JSON documents: both are flattened to leaf paths (objects by field
 * name, arrays by index), and every path whose value differs is one {@link FieldChange}, in the
 * order the fields appear (before's first, then fields only {@code after} has).
 */
final class JsonDiff {
  private JsonDiff() {}

  static List<FieldChange> of(JsonNode before, JsonNode after) {
    Map<String, JsonNode> a = flatten(before);
    Map<String, JsonNode> b = flatten(after);
    Set<String> paths = new LinkedHashSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<FieldChange> changes = new ArrayList<>();
    for (String path : paths) {
      JsonNode x = a.get(path);
      JsonNode y = b.get(path);
      if (x != null && x.equals(y)) {
        continue;
      }
      FieldChange.Change kind =
          x == null
              ? FieldChange.Change.ADDED
              : y == null ? FieldChange.Change.REMOVED : FieldChange.Change.CHANGED;
      changes.add(new FieldChange(path, text(x), text(y), kind, lines(x, y)));
    }
    return changes;
  }

  static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (!node.isNull()) { // a create has no before, a delete no after
      flatten("", node, out);
    }
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject() && !node.isEmpty()) {
      for (var e : node.properties()) {
        flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), out);
      }
    } else if (!node.isMissingNode()) {
      out.put(path.isEmpty() ? "(value)" : path, node);
    }
  }

  private static @org.jspecify.annotations.Nullable String text(
      @org.jspecify.annotations.Nullable JsonNode n) {
    return n == null ? null : n.isString() ? n.asString() : n.toString();
  }

  /** A unified line diff when either side is multi-line text (script bodies). */
  private static List<String> lines(
      @org.jspecify.annotations.Nullable JsonNode x,
      @org.jspecify.annotations.Nullable JsonNode y) {
    String left = x != null && x.isString() ? x.asString() : null;
    String right = y != null && y.isString() ? y.asString() : null;
    if (!(left != null && left.contains("\n") || right != null && right.contains("\n"))) {
      return List.of();
    }
    List<String> l = left == null ? List.of() : left.lines().toList();
    List<String> r = right == null ? List.of() : right.lines().toList();
    List<String> out = new ArrayList<>();
    for (String line :
        UnifiedDiffUtils.generateUnifiedDiff("before", "after", l, DiffUtils.diff(l, r), 3)) {
      if (!line.startsWith("---") && !line.startsWith("+++")) {
        out.add(line);
      }
    }
    return out;
  }
}
