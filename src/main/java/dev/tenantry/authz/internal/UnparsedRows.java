package dev.tenantry.authz.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Rows a load could not parse (e.g. an enum value this node's code does not know, written by a
 * newer node). Each was replaced by its deny-only reading ({@link PolicyRows#denyOnly}); none is
 * skipped silently: the store logs, counts and reports them (health: not ready).
 */
final class UnparsedRows {
  private final Map<String, String> problems = new LinkedHashMap<>();

  static String key(EntityKind kind, UUID id) {
    return kind + ":" + id;
  }

  void add(EntityKind kind, UUID id, String reason) {
    problems.put(key(kind, id), reason);
  }

  Map<String, String> problems() {
    return problems;
  }
}
