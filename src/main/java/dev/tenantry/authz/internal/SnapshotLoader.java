package dev.tenantry.authz.internal;

import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads policy inputs from PostgreSQL. Rows are streamed with a cursor (fetch size), never
 * collected as a whole, so a full load of 10k tenants, 1M computers and 200k assignments costs one
 * pass per table. Callers run it inside a REPEATABLE READ transaction (see {@link PolicyStore}) so
 * that everything read belongs to one database snapshot.
 */
public final class SnapshotLoader {
  private static final int FETCH_SIZE = 10_000;

  private SnapshotLoader() {}

  /** Every policy entity, as a snapshot at {@code revision}. */
  public static PolicySnapshot loadAll(Connection c, long revision) throws SQLException {
    return loadAll(c, revision, new UnparsedRows());
  }

  /**
   * Every policy entity; rows that cannot be parsed are read deny-only and noted in {@code bad}.
   */
  static PolicySnapshot loadAll(Connection c, long revision, UnparsedRows bad) throws SQLException {
    PolicySnapshot.Builder b = PolicySnapshot.builder(revision);
    for (EntityKind kind : EntityKind.values()) {
      stream(c, kind, null, b::apply, bad);
    }
    return b.build();
  }

  /** Upserts for the entities that exist now, removals for those that are gone. */
  static List<PolicyChange> reload(
      Connection c, Map<EntityKind, Set<UUID>> changed, UnparsedRows bad) throws SQLException {
    List<PolicyChange> out = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      Set<UUID> ids = changed.getOrDefault(kind, Set.of());
      if (ids.isEmpty()) {
        continue;
      }
      Set<UUID> missing = new HashSet<>(ids);
      stream(
          c,
          kind,
          ids,
          change -> {
            out.add(change);
            missing.remove(idOf(change));
          },
          bad);
      missing.forEach(id -> out.add(kind.remove.apply(id)));
    }
    return out;
  }

  /**
   * The oldest transaction still running: every transaction below it has finished (DESIGN §6
   * watermark).
   */
  static long snapshotXmin(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Long.parseLong(rs.getString(1));
    }
  }

  private static void stream(
      Connection c, EntityKind kind, Set<UUID> ids, Consumer<PolicyChange> sink, UnparsedRows bad)
      throws SQLException {
    String sql = ids == null ? kind.sql : kind.sql + " where x.id = any(?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(FETCH_SIZE);
      if (ids != null) {
        ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          PolicyChange change;
          try {
            change = kind.upsert.map(rs);
          } catch (RuntimeException e) { // an unknown enum value, an unexpected null: never a crash
            bad.add(kind, PolicyRows.uuid(rs, 1), String.valueOf(e.getMessage()));
            change = PolicyRows.denyOnly(kind, rs);
          }
          sink.accept(change);
        }
      }
    }
  }

  private static UUID idOf(PolicyChange change) {
    return switch (change) {
      case PolicyChange.UpsertTenant u -> u.tenant().id();
      case PolicyChange.UpsertComputer u -> u.computer().id();
      case PolicyChange.UpsertUser u -> u.user().id();
      case PolicyChange.UpsertGroup u -> u.group().id();
      case PolicyChange.UpsertRole u -> u.role().id();
      case PolicyChange.UpsertAssignment u -> u.assignment().id();
      // deny-only readings of unparsable rows (PolicyRows.denyOnly)
      case PolicyChange.RemoveComputer r -> r.computerId();
      case PolicyChange.RemoveUser r -> r.userId();
      case PolicyChange.RemoveGroup r -> r.groupId();
      case PolicyChange.RemoveRole r -> r.roleId();
      case PolicyChange.RemoveAssignment r -> r.assignmentId();
      default -> throw new IllegalArgumentException("not a row's change: " + change);
    };
  }
}
