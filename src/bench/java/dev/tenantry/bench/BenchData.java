package dev.tenantry.bench;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.engine.UserNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded, MSP-shaped policy instance. Full size ({@code assignments = 200_000}): 10,000 tenants
 * in 10 MSP trees to depth 4, 50 tags, 50,000 users, 2,000 groups, 500 custom roles (+ the 9
 * built-in), 200,000 assignments and 1,000,000 computers. Smaller instances scale every count by
 * {@code assignments / 200_000} (with small floors).
 *
 * <p>Mix: 20% of users are MSP technicians (in an MSP tenant) holding most direct assignments, at
 * TENANT (with or without children), TENANT_TAG, MSP, a few OWNER and RESOURCE scopes; customer
 * users hold USERS_TENANT, own-tenant and single-computer assignments. Groups: technician teams
 * (instance-wide) and customer groups (tenant-owned, assigned at USERS_TENANT). About 8% DENY, 4%
 * of assignments with an expiry (half already past), 3% disabled users and 2% users whose access
 * has expired. With {@code casbinSafe}, expiries and inactive users are left out (see {@link
 * CasbinModel}).
 */
public final class BenchData {
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  public static final int FULL = 200_000;

  public final int assignmentsCount;
  public final UUID[] tenants;
  public final int[] tenantParent;
  public final int[] tenantMsp;
  public final int[][] tenantTags;
  public final UUID[] tags = new UUID[50];
  public final UUID[] computers;
  public final int[] computerTenant;
  public final UUID[] users;
  public final int[] userTenant;
  public final boolean[] userActive;
  public final int technicians;
  public final UUID[] groups;
  public final UUID[] roles;
  public final List<TenantNode> tenantNodes = new ArrayList<>();
  public final List<ComputerNode> computerNodes = new ArrayList<>();
  public final List<UserNode> userNodes = new ArrayList<>();
  public final List<GroupNode> groupNodes = new ArrayList<>();
  public final List<RoleNode> roleNodes = new ArrayList<>();
  public final List<AssignmentNode> assignmentNodes = new ArrayList<>();
  private final Random r;
  private final boolean casbinSafe;
  private final int msps;
  private final List<List<Integer>> usersByTenant = new ArrayList<>();

  public BenchData(int assignments, long seed, boolean casbinSafe) {
    this.assignmentsCount = assignments;
    this.casbinSafe = casbinSafe;
    this.r = new Random(seed);
    double f = assignments / (double) FULL;
    int nTenants = Math.max(30, (int) Math.round(10_000 * f));
    msps = Math.max(2, nTenants / 1000);
    tenants = ids(nTenants);
    tenantParent = new int[nTenants];
    tenantMsp = new int[nTenants];
    tenantTags = new int[nTenants][];
    computers = ids(Math.max(300, (int) Math.round(1_000_000 * f)));
    computerTenant = new int[computers.length];
    users = ids(Math.max(100, (int) Math.round(50_000 * f)));
    userTenant = new int[users.length];
    userActive = new boolean[users.length];
    technicians = users.length / 5;
    groups = ids(Math.max(6, (int) Math.round(2_000 * f)));
    roles = ids(Math.max(20, (int) Math.round(500 * f)));
    for (int i = 0; i < tags.length; i++) {
      tags[i] = id();
    }
    tenants();
    computersAndUsers();
    roles();
    groups();
    for (int i = 0; i < assignments; i++) {
      assignmentNodes.add(assignment());
    }
  }

  public PolicySnapshot snapshot() {
    PolicySnapshot.Builder b = PolicySnapshot.builder(1);
    tenantNodes.forEach(b::tenant);
    computerNodes.forEach(b::computer);
    userNodes.forEach(b::user);
    groupNodes.forEach(b::group);
    roleNodes.forEach(b::role);
    assignmentNodes.forEach(b::assignment);
    return b.build();
  }

  // 10 MSP roots per 10k tenants; the others at depth 1..4 (40/30/20/10%), a parent one level up
  private void tenants() {
    List<List<Integer>> byDepth = new ArrayList<>();
    for (int d = 0; d <= 4; d++) {
      byDepth.add(new ArrayList<>());
    }
    for (int i = 0; i < tenants.length; i++) {
      usersByTenant.add(new ArrayList<>());
      int depth;
      if (i < msps) {
        depth = 0;
        tenantParent[i] = -1;
        tenantMsp[i] = i;
      } else {
        int x = r.nextInt(10);
        depth = x < 4 ? 1 : x < 7 ? 2 : x < 9 ? 3 : 4;
        while (byDepth.get(depth - 1).isEmpty()) {
          depth--;
        }
        List<Integer> level = byDepth.get(depth - 1);
        tenantParent[i] = level.get(r.nextInt(level.size()));
        tenantMsp[i] = tenantMsp[tenantParent[i]];
      }
      byDepth.get(depth).add(i);
      int n = i < msps ? 0 : r.nextInt(10) < 6 ? 1 : r.nextInt(3);
      Set<Integer> tg = new LinkedHashSet<>();
      for (int j = 0; j < n; j++) {
        tg.add(r.nextInt(tags.length));
      }
      tenantTags[i] = tg.stream().mapToInt(Integer::intValue).toArray();
      Set<UUID> tagIds = new HashSet<>();
      for (int t : tenantTags[i]) {
        tagIds.add(tags[t]);
      }
      tenantNodes.add(
          new TenantNode(
              tenants[i],
              i < msps ? null : tenants[tenantParent[i]],
              tenants[tenantMsp[i]],
              i < msps ? TenantKind.MSP : TenantKind.CLIENT,
              tagIds));
    }
  }

  private void computersAndUsers() {
    ComputerType[] types = ComputerType.values();
    for (int i = 0; i < computers.length; i++) {
      int t = msps + r.nextInt(tenants.length - msps);
      computerTenant[i] = t;
      int x = r.nextInt(100);
      ComputerType type = x < 60 ? types[0] : x < 85 ? types[1] : x < 98 ? types[2] : types[3];
      Set<UUID> tg = r.nextInt(10) < 3 ? Set.of(tags[r.nextInt(tags.length)]) : Set.of();
      computerNodes.add(new ComputerNode(computers[i], tenants[t], type, tg));
    }
    for (int i = 0; i < users.length; i++) {
      int t = i < technicians ? r.nextInt(msps) : msps + r.nextInt(tenants.length - msps);
      userTenant[i] = t;
      usersByTenant.get(t).add(i);
      int x = r.nextInt(100);
      boolean enabled = casbinSafe || x >= 3;
      Instant exp =
          !casbinSafe && x >= 3 && x < 5
              ? NOW.minusSeconds(86_400)
              : x < 20 ? NOW.plusSeconds(86_400 * 30) : null;
      userActive[i] = enabled && (exp == null || NOW.isBefore(exp));
      userNodes.add(new UserNode(users[i], tenants[t], enabled, exp));
    }
  }

  private void roles() {
    for (RoleDefinition d : BuiltInRoles.ALL) {
      roleNodes.add(RoleNode.of(d));
    }
    Permission[] all = Permission.values();
    List<Permission> scoped = new ArrayList<>();
    List<Permission> system = new ArrayList<>();
    for (Permission p : all) {
      (p.system() ? system : scoped).add(p);
    }
    for (UUID id : roles) {
      Set<Permission> ps = EnumSet.noneOf(Permission.class);
      int n = 3 + r.nextInt(30);
      for (int j = 0; j < n; j++) {
        ps.add(scoped.get(r.nextInt(scoped.size())));
      }
      if (r.nextInt(20) == 0) {
        ps.add(system.get(r.nextInt(system.size())));
      }
      roleNodes.add(new RoleNode(id, ps, null));
    }
  }

  // 40% technician teams (instance-wide, 10..40 technicians), 60% customer groups of one client
  // tenant
  private void groups() {
    for (UUID g : groups) {
      Set<UUID> members = new HashSet<>();
      UUID owner = null;
      if (r.nextInt(10) < 4) {
        int n = 10 + r.nextInt(31);
        for (int j = 0; j < n; j++) {
          members.add(users[r.nextInt(technicians)]);
        }
      } else {
        int t = msps + r.nextInt(tenants.length - msps);
        owner = tenants[t];
        for (int u : usersByTenant.get(t)) {
          if (r.nextInt(4) != 0) {
            members.add(users[u]);
          }
        }
      }
      groupNodes.add(new GroupNode(g, owner, members));
    }
  }

  /** One assignment of the mix (also used by the update benchmark). */
  public AssignmentNode assignment() {
    UUID role =
        r.nextInt(20) == 0
            ? BuiltInRoles.ALL.get(r.nextInt(BuiltInRoles.ALL.size())).id()
            : pick(roles);
    Effect effect = r.nextInt(100) < 8 ? Effect.DENY : Effect.ALLOW;
    int x = r.nextInt(100);
    Instant exp =
        casbinSafe || x >= 4 ? null : x < 2 ? NOW.minusSeconds(3_600) : NOW.plusSeconds(86_400 * 7);
    Principal principal;
    Scope scope;
    int kind = r.nextInt(100);
    if (kind < 20) { // group assignment
      GroupNode g = groupNodes.get(r.nextInt(groupNodes.size()));
      principal = Principal.group(g.id());
      scope =
          g.ownerTenantId() != null
              ? (r.nextInt(10) < 8 ? Scope.usersTenant() : Scope.tenant(g.ownerTenantId(), true))
              : technicianScope();
    } else if (kind < 70) { // technician
      principal = Principal.user(users[r.nextInt(technicians)]);
      scope = technicianScope();
    } else { // customer user
      int u = technicians + r.nextInt(users.length - technicians);
      principal = Principal.user(users[u]);
      int y = r.nextInt(10);
      scope =
          y < 5
              ? Scope.usersTenant()
              : y < 8
                  ? Scope.tenant(tenants[userTenant[u]], r.nextBoolean())
                  : Scope.resource(new ResourceSelector.OneComputer(pick(computers)));
    }
    return new AssignmentNode(id(), principal, role, scope, effect, exp);
  }

  private Scope technicianScope() {
    int y = r.nextInt(100);
    if (y < 2) {
      return Scope.owner();
    } else if (y < 7) {
      return Scope.msp(tenants[r.nextInt(msps)]);
    } else if (y < 17) {
      return Scope.tenantTag(pick(tags));
    } else if (y < 22) {
      return Scope.resource(
          new ResourceSelector.ComputerTypes(
              EnumSet.of(ComputerType.SERVER, ComputerType.DOMAIN_CONTROLLER),
              r.nextBoolean() ? null : pick(tenants)));
    } else if (y < 25) {
      return Scope.resource(
          new ResourceSelector.ComputerTag(pick(tags), r.nextBoolean() ? null : pick(tenants)));
    } else if (y < 28) {
      return Scope.resource(new ResourceSelector.OneComputer(pick(computers)));
    }
    return Scope.tenant(tenants[msps + r.nextInt(tenants.length - msps)], r.nextInt(10) < 7);
  }

  private <T> T pick(T[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  private UUID id() {
    return new UUID(r.nextLong(), r.nextLong());
  }

  private UUID[] ids(int n) {
    UUID[] out = new UUID[n];
    for (int i = 0; i < n; i++) {
      out[i] = id();
    }
    return out;
  }

  /** A fresh random stream for requests, independent of the data's stream. */
  static SplittableRandom requestRandom(long seed) {
    return new SplittableRandom(seed * 31 + 7);
  }
}
