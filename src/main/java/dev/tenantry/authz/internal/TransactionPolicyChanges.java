package dev.tenantry.authz.internal;

import dev.tenantry.authz.engine.AccessDiff;
import dev.tenantry.authz.engine.PolicyChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The policy entities the current (uncommitted) transaction wrote, read back inside it: the rows
 * its triggers put in {@code policy_change}, and those entities as they stand in this transaction.
 * Applied to the committed snapshot they give "the snapshot with the change applied" (DESIGN
 * §3.10).
 */
@Component
public class TransactionPolicyChanges {
  private final DataSource dataSource;

  TransactionPolicyChanges(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What this transaction changed so far: ids by kind, and the changes to apply. */
  public record Pending(AccessDiff.Changed changed, List<PolicyChange> changes) {}

  public Pending read() {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      Map<EntityKind, Set<UUID>> ids = changedHere(c);
      List<PolicyChange> changes =
          ids.isEmpty() ? List.of() : SnapshotLoader.reload(c, ids, new UnparsedRows());
      return new Pending(
          new AccessDiff.Changed(
              ids.getOrDefault(EntityKind.TENANT, Set.of()),
              ids.getOrDefault(EntityKind.COMPUTER, Set.of()),
              ids.getOrDefault(EntityKind.USER, Set.of()),
              ids.getOrDefault(EntityKind.ASSIGNMENT, Set.of())),
          changes);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read this transaction's policy changes", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private static Map<EntityKind, Set<UUID>> changedHere(Connection c) throws SQLException {
    Map<EntityKind, Set<UUID>> out = new EnumMap<>(EntityKind.class);
    try (PreparedStatement ps =
            c.prepareStatement(
                "select distinct entity_kind, entity_id from policy_change"
                    + " where xid = pg_current_xact_id_if_assigned()");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(EntityKind.valueOf(rs.getString(1)), k -> new HashSet<>())
            .add(rs.getObject(2, UUID.class));
      }
    }
    return out;
  }
}
