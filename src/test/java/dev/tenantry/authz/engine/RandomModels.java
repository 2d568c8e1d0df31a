package dev.tenantry.authz.engine;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.TenantKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random policy models and change sequences over small fixed id pools, so that ids collide, refer
 * to absent things, come and go. Tenant parents are always earlier in the pool, so trees never have
 * cycles. Seeded: reproducible.
 */
final class RandomModels {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  /**
   * A few permissions, so that random roles overlap: views, manages, a global-view one, system
   * ones, and the two that anti-escalation asks about.
   */
  static final List<Permission> PERMS =
      List.of(
          Permission.COMPUTERS_VIEW,
          Permission.COMPUTERS_MANAGE,
          Permission.TENANTS_VIEW,
          Permission.TENANTS_MANAGE,
          Permission.SOFTWARE_VIEW,
          Permission.SCRIPTS_RUN,
          Permission.BILLING_MANAGE,
          Permission.USERS_IMPERSONATE,
          Permission.ROLE_ASSIGNMENTS_MANAGE,
          Permission.ROLES_ASSIGN_CROSS_TENANT);

  final Random r;
  final List<UUID> tenantIds = ids("tenant", 12);
  final List<UUID> tagIds = ids("tag", 4);
  final List<UUID> computerIds = ids("computer", 14);
  final List<UUID> userIds = ids("user", 8);
  final List<UUID> groupIds = ids("group", 4);
  final List<UUID> roleIds = ids("role", 6);
  final List<UUID> assignmentIds = ids("assignment", 28);

  RandomModels(long seed) {
    this.r = new Random(seed);
  }

  PolicyModel model() {
    PolicyModel m = new PolicyModel();
    for (int i = 0; i < tenantIds.size(); i++) {
      if (r.nextInt(10) < 9) {
        m.apply(new PolicyChange.UpsertTenant(tenant(i, m)));
      }
    }
    computerIds.forEach(
        id -> {
          if (r.nextInt(10) < 8) m.apply(new PolicyChange.UpsertComputer(computer(id)));
        });
    userIds.forEach(
        id -> {
          if (r.nextInt(10) < 9) m.apply(new PolicyChange.UpsertUser(user(id)));
        });
    groupIds.forEach(
        id -> {
          if (r.nextInt(10) < 7) m.apply(new PolicyChange.UpsertGroup(group(id)));
        });
    roleIds.forEach(
        id -> {
          if (r.nextInt(10) < 9) m.apply(new PolicyChange.UpsertRole(role(id)));
        });
    int n = r.nextInt(assignmentIds.size());
    for (int i = 0; i < n; i++) {
      m.apply(new PolicyChange.UpsertAssignment(assignment(assignmentIds.get(i))));
    }
    return m;
  }

  /**
   * A random change of any kind; {@code m} is only read, to build tenants whose MSP is consistent.
   */
  PolicyChange change(PolicyModel m) {
    return switch (r.nextInt(14)) {
      case 0 -> new PolicyChange.UpsertTenant(tenant(r.nextInt(tenantIds.size()), m));
      case 1 -> new PolicyChange.RemoveTenant(pick(tenantIds));
      case 2 -> new PolicyChange.SetTenantTags(pick(tenantIds), tags());
      case 3 -> new PolicyChange.UpsertComputer(computer(pick(computerIds)));
      case 4 -> new PolicyChange.RemoveComputer(pick(computerIds));
      case 5 -> new PolicyChange.SetComputerTags(pick(computerIds), tags());
      case 6 -> new PolicyChange.UpsertUser(user(pick(userIds)));
      case 7 -> new PolicyChange.RemoveUser(pick(userIds));
      case 8 -> new PolicyChange.UpsertGroup(group(pick(groupIds)));
      case 9 -> new PolicyChange.RemoveGroup(pick(groupIds));
      case 10 -> new PolicyChange.UpsertRole(role(pick(roleIds)));
      case 11 -> new PolicyChange.RemoveRole(pick(roleIds));
      case 12 -> new PolicyChange.RemoveAssignment(pick(assignmentIds));
      default -> new PolicyChange.UpsertAssignment(assignment(pick(assignmentIds)));
    };
  }

  List<Target> targets() {
    List<Target> out = new ArrayList<>();
    out.add(Target.system());
    tenantIds.forEach(t -> out.add(Target.tenant(t)));
    computerIds.forEach(c -> out.add(Target.computer(c)));
    out.add(Target.ownedObject(tenantIds.get(0)));
    out.add(Target.ownedObject(tenantIds.get(5)));
    out.add(Target.globalObject(null));
    out.add(Target.globalObject(tenantIds.get(0)));
    out.add(Target.globalObject(tenantIds.get(1)));
    return out;
  }

  private TenantNode tenant(int i, PolicyModel m) {
    UUID id = tenantIds.get(i);
    boolean msp = i < 2 || r.nextInt(8) == 0;
    UUID parent = i == 0 || r.nextInt(5) == 0 ? null : tenantIds.get(r.nextInt(i));
    UUID mspId = id;
    if (!msp) {
      mspId = tenantIds.get(r.nextInt(2));
      for (UUID cur = parent;
          cur != null && m.tenants.containsKey(cur);
          cur = m.tenants.get(cur).parentId()) {
        if (m.tenants.get(cur).kind() == TenantKind.MSP) {
          mspId = cur;
          break;
        }
      }
    }
    return new TenantNode(id, parent, mspId, msp ? TenantKind.MSP : TenantKind.CLIENT, tags());
  }

  private ComputerNode computer(UUID id) {
    ComputerType[] types = ComputerType.values();
    return new ComputerNode(id, pick(tenantIds), types[r.nextInt(types.length)], tags());
  }

  private UserNode user(UUID id) {
    UUID tenant = r.nextInt(10) == 0 ? null : pick(tenantIds);
    return new UserNode(id, tenant, r.nextInt(10) != 0, r.nextInt(4) == 0 ? instant() : null);
  }

  private GroupNode group(UUID id) {
    Set<UUID> members = new HashSet<>();
    userIds.forEach(
        u -> {
          if (r.nextInt(3) == 0) members.add(u);
        });
    return new GroupNode(id, r.nextBoolean() ? null : pick(tenantIds), members);
  }

  private RoleNode role(UUID id) {
    Set<Permission> ps = EnumSet.noneOf(Permission.class);
    PERMS.forEach(
        p -> {
          if (r.nextInt(5) < 2) ps.add(p);
        });
    return new RoleNode(id, ps, null);
  }

  private AssignmentNode assignment(UUID id) {
    Principal principal =
        r.nextInt(3) == 0 ? Principal.group(pick(groupIds)) : Principal.user(pick(userIds));
    Effect effect = r.nextInt(4) == 0 ? Effect.DENY : Effect.ALLOW;
    return new AssignmentNode(
        id, principal, pick(roleIds), scope(), effect, r.nextInt(3) == 0 ? instant() : null);
  }

  Scope scope() {
    return switch (r.nextInt(8)) {
      case 0 -> Scope.owner();
      case 1 -> Scope.msp(tenantIds.get(r.nextInt(4)));
      case 2 -> Scope.tenant(pick(tenantIds), r.nextBoolean());
      case 3 -> Scope.tenantTag(pick(tagIds), r.nextBoolean() ? null : pick(tenantIds));
      case 4 -> Scope.usersTenant();
      case 5 -> Scope.resource(new ResourceSelector.OneComputer(pick(computerIds)));
      case 6 -> {
        UUID limit = maybeTenant();
        yield Scope.resource(
            mspLimited(limit)
                ? new ResourceSelector.ComputerTag(pick(tagIds), null, limit)
                : new ResourceSelector.ComputerTag(pick(tagIds), limit));
      }
      default -> {
        Set<ComputerType> types = EnumSet.noneOf(ComputerType.class);
        types.add(ComputerType.values()[r.nextInt(4)]);
        types.add(ComputerType.values()[r.nextInt(4)]);
        UUID limit = maybeTenant();
        yield Scope.resource(
            mspLimited(limit)
                ? new ResourceSelector.ComputerTypes(types, null, limit)
                : new ResourceSelector.ComputerTypes(types, limit));
      }
    };
  }

  /**
   * Half of the limits are MSP limits (decided by the id, no extra draw): the id is then an MSP
   * limit, which may name any tenant id — an MSP, a client (matching nothing) or an absent one.
   */
  private static boolean mspLimited(UUID limit) {
    return limit != null && (limit.hashCode() & 1) == 0;
  }

  private UUID maybeTenant() {
    return r.nextBoolean() ? null : pick(tenantIds);
  }

  private Set<UUID> tags() {
    Set<UUID> out = new HashSet<>();
    tagIds.forEach(
        t -> {
          if (r.nextInt(3) == 0) out.add(t);
        });
    return out;
  }

  private Instant instant() {
    return switch (r.nextInt(3)) {
      case 0 -> NOW.minus(Duration.ofHours(1));
      case 1 -> NOW;
      default -> NOW.plus(Duration.ofHours(1));
    };
  }

  private <T> T pick(List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  private static List<UUID> ids(String kind, int n) {
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(UUID.nameUUIDFromBytes((kind + i).getBytes()));
    }
    return out;
  }
}
