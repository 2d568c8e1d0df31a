package dev.tenantry.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of a change request's diff: its JSON path (e.g. {@code target.tenantId}, {@code
 * parameters[0].value}), what it was and what it becomes (null when absent), how it changed, and
 * for multi-line text a line diff ({@code -}/{@code +}/space prefixed lines; empty otherwise).
 */
public record FieldChange(
    String path,
    @Nullable String before,
    @Nullable String after,
    Change change,
    List<String> lines) {

  /** How a field changed. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }
}
