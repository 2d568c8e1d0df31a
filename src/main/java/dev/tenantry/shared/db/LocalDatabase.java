package dev.tenantry.shared.db;

/**
 * A PostgreSQL that this process starts itself: the embedded default for development ({@link
 * EmbeddedDatabase}), absent from the production build, which needs {@code tenantry.db.url}.
 */
interface LocalDatabase {
  String jdbcUrl();
}
