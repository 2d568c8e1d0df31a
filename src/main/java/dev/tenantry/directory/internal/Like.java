package dev.tenantry.directory.internal;

/** Builds a contains-pattern for ILIKE, with the caller's wildcards taken literally. */
final class Like {
  private Like() {}

  static String contains(String q) {
    String escaped = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
