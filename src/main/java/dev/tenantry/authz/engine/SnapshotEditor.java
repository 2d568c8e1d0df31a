package dev.tenantry.authz.engine;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.Compiled.Asg;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Applies {@link PolicyChange}s to copies of a snapshot's structures, copying only what it touches.
 * Used both for the initial build (from the empty snapshot) and for incremental changes, so both
 * paths share one implementation.
 */
final class SnapshotEditor {
  final UuidIndex.Editor tenantIx;
  final UuidIndex.Editor computerIx;
  final UuidIndex.Editor userIx;
  final UuidIndex.Editor groupIx;
  final UuidIndex.Editor roleIx;
  final UuidIndex.Editor asgIx;
  final UuidIndex.Editor tagIx;
  final PVec.Editor<Compiled.Tenant> tenants;
  final PVec.Editor<Compiled.Computer> computers;
  final PVec.Editor<Compiled.User> users;
  final PVec.Editor<Compiled.Group> groups;
  final PVec.Editor<Compiled.Role> roles;
  final PVec.Editor<Asg> asgs;
  private final SnapshotGraph graph;
  private final PolicySnapshot base;
  private boolean rolesChanged;
  private final PVec.Editor<int[]> userHot;
  private final java.util.BitSet dirtyUsers = new java.util.BitSet();
  private final IntColumn parents;
  private final IntColumn msps;
  private final LongColumn tagLo;

  SnapshotEditor(PolicySnapshot base) {
    this.base = base;
    tenantIx = base.tenantIx.edit();
    computerIx = base.computerIx.edit();
    userIx = base.userIx.edit();
    groupIx = base.groupIx.edit();
    roleIx = base.roleIx.edit();
    asgIx = base.asgIx.edit();
    tagIx = base.tagIx.edit();
    tenants = base.tenants.edit();
    computers = base.computers.edit();
    users = base.users.edit();
    groups = base.groups.edit();
    roles = base.roles.edit();
    asgs = base.asgs.edit();
    graph = new SnapshotGraph(this);
    parents = new IntColumn(base.tenantParent);
    msps = new IntColumn(base.tenantMsp);
    tagLo = new LongColumn(base.tenantTagLo);
    userHot = base.userHot.edit();
  }

  /** The user's hot array must be recomputed (a group of theirs changed its assignments). */
  void markUser(int u) {
    dirtyUsers.set(u);
  }

  /** Every write of a user record goes through here; its hot array is recomputed once, at build. */
  void setUser(int u, Compiled.User user) {
    users.set(u, user);
    dirtyUsers.set(u);
  }

  void apply(PolicyChange change) {
    switch (change) {
      case PolicyChange.UpsertTenant(TenantNode n) -> upsertTenant(n);
      case PolicyChange.RemoveTenant(UUID id) -> {
        int t = tenantIx.get(id);
        if (t >= 0) {
          tenants.set(t, Compiled.Tenant.ABSENT);
          parents.set(t, -1);
          msps.set(t, -1);
          tagLo.set(t, 0);
        }
      }
      case PolicyChange.SetTenantTags(UUID id, Set<UUID> tags) -> {
        Compiled.Tenant old = tenants.get(tenantIx.get(id));
        if (old != null && old.present()) {
          TenantNode n = old.node();
          upsertTenant(new TenantNode(n.id(), n.parentId(), n.mspId(), n.kind(), tags));
        }
      }
      case PolicyChange.UpsertComputer(ComputerNode n) -> upsertComputer(n);
      case PolicyChange.RemoveComputer(UUID id) -> {
        int c = computerIx.get(id);
        if (c >= 0) {
          computers.set(c, null);
          computerIx.setPayload(id, 0);
        }
      }
      case PolicyChange.SetComputerTags(UUID id, Set<UUID> tags) -> {
        Compiled.Computer old = computers.get(computerIx.get(id));
        if (old != null) {
          ComputerNode n = old.node();
          upsertComputer(new ComputerNode(n.id(), n.tenantId(), n.type(), tags));
        }
      }
      case PolicyChange.UpsertUser(UserNode n) -> upsertUser(n);
      case PolicyChange.RemoveUser(UUID id) -> {
        Compiled.User old = users.get(userIx.get(id));
        if (old != null) {
          setUser(
              userIx.get(id),
              new Compiled.User(
                  null,
                  -1,
                  false,
                  Compiled.NEVER,
                  0,
                  old.directAsgs(),
                  old.directCode(),
                  old.groups()));
        }
      }
      case PolicyChange.UpsertGroup(GroupNode n) -> graph.upsertGroup(n);
      case PolicyChange.RemoveGroup(UUID id) -> graph.removeGroup(id);
      case PolicyChange.UpsertRole(RoleNode n) -> {
        roles.set(roleIx.intern(n.id()), new Compiled.Role(n, bits(n.permissions())));
        rolesChanged = true;
      }
      case PolicyChange.RemoveRole(UUID id) -> {
        int r = roleIx.get(id);
        if (r >= 0) {
          roles.set(r, new Compiled.Role(null, null));
          rolesChanged = true;
        }
      }
      case PolicyChange.UpsertAssignment(AssignmentNode n) -> graph.upsertAssignment(compile(n));
      case PolicyChange.RemoveAssignment(UUID id) -> graph.removeAssignment(id);
    }
  }

  PolicySnapshot build(long revision) {
    return new PolicySnapshot(
        revision,
        tenantIx.build(),
        computerIx.build(),
        userIx.build(),
        groupIx.build(),
        roleIx.build(),
        asgIx.build(),
        tagIx.build(),
        tenants.build(),
        computers.build(),
        users.build(),
        groups.build(),
        roles.build(),
        asgs.build(),
        roleBits(),
        parents.build(tenantIx.size()),
        msps.build(tenantIx.size()),
        tagLo.build(tenantIx.size()),
        spans(),
        hot());
  }

  // renumbered (O(tenants)) whenever the tree or the number of tenant indexes changed; shared
  // otherwise
  private int[] spans() {
    int[] parent = parents.build(tenantIx.size());
    if (parent == base.tenantParent && base.tenantSpan.length == 2 * parent.length) {
      return base.tenantSpan;
    }
    return TenantSpans.of(parent);
  }

  private PVec<int[]> hot() {
    for (int u = dirtyUsers.nextSetBit(0); u >= 0; u = dirtyUsers.nextSetBit(u + 1)) {
      userHot.set(u, Compiled.hot(users.get(u), groups::get));
    }
    dirtyUsers.clear();
    return userHot.build();
  }

  // flat copy of every role's bits: a few KB for hundreds of roles, rebuilt only when roles change
  // or are referenced
  private long[] roleBits() {
    int n = roleIx.size();
    if (!rolesChanged && base.roleBits.length == n * Compiled.WORDS) {
      return base.roleBits;
    }
    long[] out = new long[n * Compiled.WORDS];
    for (int r = 0; r < roles.size(); r++) {
      Compiled.Role role = roles.get(r);
      if (role != null && role.bits() != null) {
        System.arraycopy(role.bits(), 0, out, r * Compiled.WORDS, Compiled.WORDS);
      }
    }
    return out;
  }

  private void upsertTenant(TenantNode n) {
    int t = tenantIx.intern(n.id());
    int parent = n.parentId() == null ? -1 : tenantIx.intern(n.parentId());
    int msp = tenantIx.intern(n.mspId());
    int[] tags = tags(n.tagIds());
    tenants.set(t, new Compiled.Tenant(n, parent, msp, tags));
    parents.set(t, parent);
    msps.set(t, msp);
    tagLo.set(t, Compiled.tagLo(tags));
  }

  private void upsertComputer(ComputerNode n) {
    int c = computerIx.intern(n.id());
    int tenant = tenantIx.intern(n.tenantId());
    int[] tags = tags(n.tagIds());
    computers.set(c, new Compiled.Computer(n, tenant, 1 << n.type().ordinal(), tags));
    computerIx.setPayload(
        n.id(), Compiled.computerPayload(tenant, n.type().ordinal(), tags.length > 0));
  }

  private void upsertUser(UserNode n) {
    int u = userIx.intern(n.id());
    Compiled.User old = users.get(u);
    if (old == null) {
      old = Compiled.User.ABSENT;
    }
    int tenant = n.tenantId() == null ? -1 : tenantIx.intern(n.tenantId());
    Instant exp = n.accessExpiresAt();
    setUser(
        u,
        old.withNode(
            n,
            tenant,
            exp == null ? Compiled.NEVER : exp.getEpochSecond(),
            exp == null ? 0 : exp.getNano()));
  }

  private int[] tags(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return Compiled.NO_INTS;
    }
    int[] out = new int[ids.size()];
    int i = 0;
    for (UUID id : ids) {
      out[i++] = tagIx.intern(id);
    }
    Arrays.sort(out);
    return out;
  }

  static long[] bits(Set<Permission> ps) {
    long[] bits = new long[(Permission.values().length + 63) >>> 6];
    for (Permission p : ps) {
      bits[p.ordinal() >>> 6] |= 1L << p.ordinal();
    }
    return bits;
  }

  private Asg compile(AssignmentNode n) {
    int index = asgIx.intern(n.id());
    boolean group = n.principal() instanceof Principal.GroupPrincipal;
    int principal = group ? groupIx.intern(n.principal().id()) : userIx.intern(n.principal().id());
    int role = roleIx.intern(n.roleId());
    int kind;
    int a = -1;
    int b = -1;
    boolean children = false;
    int typeMask = 0;
    boolean mspLimit = false;
    switch (n.scope()) {
      case Scope.Owner o -> kind = Compiled.OWNER;
      case Scope.Msp(UUID m) -> {
        kind = Compiled.MSP;
        a = tenantIx.intern(m);
      }
      case Scope.Tenant(UUID t, boolean c) -> {
        kind = Compiled.TENANT;
        a = tenantIx.intern(t);
        children = c;
      }
      case Scope.TenantTag(UUID g, UUID m) -> {
        kind = Compiled.TENANT_TAG;
        a = tagIx.intern(g);
        b = m == null ? -1 : tenantIx.intern(m);
      }
      case Scope.UsersTenant u -> kind = Compiled.USERS_TENANT;
      case Scope.Resource(ResourceSelector.OneComputer(UUID c)) -> {
        kind = Compiled.RES_ONE;
        a = computerIx.intern(c);
      }
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID t, UUID m)) -> {
        kind = Compiled.RES_TAG;
        a = tagIx.intern(g);
        b = t != null ? tenantIx.intern(t) : m != null ? tenantIx.intern(m) : -1;
        mspLimit = m != null;
      }
      case Scope.Resource(
              ResourceSelector.ComputerTypes(Set<ComputerType> types, UUID t, UUID m)) -> {
        kind = Compiled.RES_TYPES;
        for (ComputerType type : types) {
          typeMask |= 1 << type.ordinal();
        }
        b = t != null ? tenantIx.intern(t) : m != null ? tenantIx.intern(m) : -1;
        mspLimit = m != null;
      }
    }
    Instant exp = n.expiresAt();
    return new Asg(
        n,
        index,
        group,
        principal,
        role,
        kind,
        a,
        b,
        children,
        typeMask,
        mspLimit,
        n.effect() == dev.tenantry.authz.Effect.DENY,
        exp == null ? Compiled.NEVER : exp.getEpochSecond(),
        exp == null ? 0 : exp.getNano());
  }
}
