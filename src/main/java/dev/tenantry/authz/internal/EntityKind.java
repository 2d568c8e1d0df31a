package dev.tenantry.authz.internal;

import dev.tenantry.authz.engine.PolicyChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Function;

/**
 * The kinds of {@code policy_change.entity_kind}: how to read each from PostgreSQL and turn it into
 * a change.
 */
enum EntityKind {
  TENANT(
      PolicyRows.TENANTS,
      rs -> new PolicyChange.UpsertTenant(PolicyRows.tenant(rs)),
      PolicyChange.RemoveTenant::new),
  COMPUTER(
      PolicyRows.COMPUTERS,
      rs -> new PolicyChange.UpsertComputer(PolicyRows.computer(rs)),
      PolicyChange.RemoveComputer::new),
  USER(
      PolicyRows.USERS,
      rs -> new PolicyChange.UpsertUser(PolicyRows.user(rs)),
      PolicyChange.RemoveUser::new),
  GROUP(
      PolicyRows.GROUPS,
      rs -> new PolicyChange.UpsertGroup(PolicyRows.group(rs)),
      PolicyChange.RemoveGroup::new),
  ROLE(
      PolicyRows.ROLES,
      rs -> new PolicyChange.UpsertRole(PolicyRows.role(rs)),
      PolicyChange.RemoveRole::new),
  ASSIGNMENT(
      PolicyRows.ASSIGNMENTS,
      rs -> new PolicyChange.UpsertAssignment(PolicyRows.assignment(rs)),
      PolicyChange.RemoveAssignment::new);

  interface RowMapper {
    PolicyChange map(ResultSet rs) throws SQLException;
  }

  final String sql;
  final RowMapper upsert;
  final Function<UUID, PolicyChange> remove;

  EntityKind(String sql, RowMapper upsert, Function<UUID, PolicyChange> remove) {
    this.sql = sql;
    this.upsert = upsert;
    this.remove = remove;
  }
}
