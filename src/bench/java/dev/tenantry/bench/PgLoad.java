package dev.tenantry.bench;

/**
 * {@code snapshot_build_from_pg_ms}: loading the full-size data from PostgreSQL needs the loader another engineer is
 * writing ({@code dev.tenantry.authz.internal.SnapshotLoader}); until it is on this branch the figure says so.
 */
final class PgLoad {
  private PgLoad() {}

  static String figure() {
    try {
      Class.forName("dev.tenantry.authz.internal.SnapshotLoader");
      return "not measured (SnapshotLoader present but no benchmark for it yet)";
    } catch (ClassNotFoundException e) {
      return "not measured (no dev.tenantry.authz.internal.SnapshotLoader on this branch yet)";
    }
  }
}
