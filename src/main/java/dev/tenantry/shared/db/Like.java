package dev.tenantry.shared.db;

/**
 * Builds a contains-pattern for {@code ILIKE} (PostgreSQL's default escape character, backslash),
 * with the caller's {@code %}, {@code _} and {@code \} taken literally. Every search uses it.
 */
public final class Like {
  private Like() {}

  public static String contains(String q) {
    String escaped = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
