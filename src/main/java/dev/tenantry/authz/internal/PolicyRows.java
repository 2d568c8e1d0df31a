package dev.tenantry.authz.internal;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.engine.UserNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SQL that reads each policy entity and the mapping of its rows to engine nodes. Each query
 * selects from one table aliased {@code x}, so the same text serves the full load and, with {@code
 * where x.id = any(?)}, a reload.
 */
final class PolicyRows {
  private PolicyRows() {}

  static final String TENANTS =
      """
      select x.id, x.parent_id, x.msp_id, x.kind,
             array(select tag_id from tenant_tag where tenant_id = x.id) as tags
      from tenant x""";

  static final String COMPUTERS =
      """
      select x.id, x.tenant_id, x.type,
             array(select tag_id from computer_tag where computer_id = x.id) as tags
      from computer x""";

  /** A person Entra disabled or removed (directory sync, DESIGN §9) counts as gone (§3.1). */
  static final String USERS =
      """
      select x.id, case when p.entra_state = 'ACTIVE' then p.tenant_id end, x.enabled, x.access_expires_at
      from app_user x left join person p on p.id = x.person_id""";

  static final String GROUPS =
      """
      select x.id, x.owner_tenant_id, array(select user_id from group_member where group_id = x.id) as members
      from user_group x""";

  static final String ROLES = "select x.id, x.owner_tenant_id, x.permissions from role x";

  static final String ASSIGNMENTS =
      """
      select x.id, x.user_id, x.group_id, x.role_id, x.effect, x.scope_kind, x.scope_tenant_id, x.include_children,
             x.scope_tag_id, x.resource_kind, x.resource_computer_id, x.resource_computer_types, x.expires_at,
             x.scope_msp_limit
      from role_assignment x""";

  static TenantNode tenant(ResultSet rs) throws SQLException {
    return new TenantNode(
        uuid(rs, 1), uuid(rs, 2), uuid(rs, 3), TenantKind.valueOf(rs.getString(4)), uuids(rs, 5));
  }

  static ComputerNode computer(ResultSet rs) throws SQLException {
    return new ComputerNode(
        uuid(rs, 1), uuid(rs, 2), ComputerType.valueOf(rs.getString(3)), uuids(rs, 4));
  }

  static UserNode user(ResultSet rs) throws SQLException {
    return new UserNode(uuid(rs, 1), uuid(rs, 2), rs.getBoolean(3), instant(rs, 4));
  }

  static GroupNode group(ResultSet rs) throws SQLException {
    return new GroupNode(uuid(rs, 1), uuid(rs, 2), uuids(rs, 3));
  }

  /**
   * Keys no longer in the catalogue are ignored: a role cannot grant a permission that does not
   * exist.
   */
  static RoleNode role(ResultSet rs) throws SQLException {
    Set<Permission> ps = EnumSet.noneOf(Permission.class);
    for (String key : strings(rs, 3)) {
      Permission.byKey(key).ifPresent(ps::add);
    }
    return new RoleNode(uuid(rs, 1), ps, uuid(rs, 2));
  }

  static AssignmentNode assignment(ResultSet rs) throws SQLException {
    UUID user = uuid(rs, 2);
    Principal principal = user != null ? Principal.user(user) : Principal.group(uuid(rs, 3));
    return new AssignmentNode(
        uuid(rs, 1),
        principal,
        uuid(rs, 4),
        scope(rs),
        Effect.valueOf(rs.getString(5)),
        instant(rs, 13));
  }

  /**
   * The reading of a row that could not be parsed that grants nothing: an ALLOW assignment is left
   * out, a DENY (or unreadable effect) becomes a DENY of its role everywhere (OWNER scope) for its
   * principal; a computer, user, group or role is left out (checks on it are denied); a tenant of
   * an unknown kind is read as a client tenant (it keeps its place in the tree, so denies on its
   * ancestors still reach it).
   */
  static PolicyChange denyOnly(EntityKind kind, ResultSet rs) throws SQLException {
    UUID id = uuid(rs, 1);
    return switch (kind) {
      case ASSIGNMENT -> {
        if ("ALLOW".equals(rs.getString(5))) {
          yield new PolicyChange.RemoveAssignment(id);
        }
        UUID user = uuid(rs, 2);
        Principal principal = user != null ? Principal.user(user) : Principal.group(uuid(rs, 3));
        yield new PolicyChange.UpsertAssignment(
            new AssignmentNode(id, principal, uuid(rs, 4), Scope.owner(), Effect.DENY, null));
      }
      case TENANT ->
          new PolicyChange.UpsertTenant(
              new TenantNode(id, uuid(rs, 2), uuid(rs, 3), TenantKind.CLIENT, uuids(rs, 5)));
      default -> kind.remove.apply(id);
    };
  }

  private static Scope scope(ResultSet rs) throws SQLException {
    UUID tenant = uuid(rs, 7);
    UUID tag = uuid(rs, 9);
    return switch (rs.getString(6)) {
      case "OWNER" -> Scope.owner();
      case "MSP" -> Scope.msp(tenant);
      case "TENANT" -> Scope.tenant(tenant, rs.getBoolean(8));
      case "TENANT_TAG" -> Scope.tenantTag(tag, tenant);
      case "USERS_TENANT" -> Scope.usersTenant();
      case "RESOURCE" ->
          Scope.resource(
              switch (rs.getString(10)) {
                case "COMPUTER" -> new ResourceSelector.OneComputer(uuid(rs, 11));
                case "COMPUTER_TAG" ->
                    rs.getBoolean(14)
                        ? new ResourceSelector.ComputerTag(tag, null, tenant)
                        : new ResourceSelector.ComputerTag(tag, tenant);
                case "COMPUTER_TYPES" ->
                    rs.getBoolean(14)
                        ? new ResourceSelector.ComputerTypes(types(strings(rs, 12)), null, tenant)
                        : new ResourceSelector.ComputerTypes(types(strings(rs, 12)), tenant);
                default -> throw new IllegalStateException("resource kind " + rs.getString(10));
              });
      default -> throw new IllegalStateException("scope kind " + rs.getString(6));
    };
  }

  private static Set<ComputerType> types(String[] names) {
    Set<ComputerType> out = EnumSet.noneOf(ComputerType.class);
    Arrays.stream(names).map(ComputerType::valueOf).forEach(out::add);
    return out;
  }

  static @Nullable UUID uuid(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, UUID.class);
  }

  private static @Nullable Instant instant(ResultSet rs, int i) throws SQLException {
    Timestamp t = rs.getTimestamp(i);
    return t == null ? null : t.toInstant();
  }

  private static Set<UUID> uuids(ResultSet rs, int i) throws SQLException {
    Array a = rs.getArray(i);
    return a == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) a.getArray()));
  }

  private static String[] strings(ResultSet rs, int i) throws SQLException {
    Array a = rs.getArray(i);
    return a == null ? new String[0] : (String[]) a.getArray();
  }
}
