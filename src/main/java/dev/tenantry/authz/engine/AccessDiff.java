package dev.tenantry.authz.engine;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.AccessGain;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionSubject;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who newly gains which permission on which target when a structural change turns {@code before}
 * into {@code after} (DESIGN §3.10), restricted to the targets the change touches.
 *
 * <p>A gain is a (user, non-system permission, target) allowed in {@code after} and not in the
 * baseline: {@code before}, except that a tenant created by the change is compared with the same
 * tenant carrying no tags (an empty tenant under a parent or in an MSP is not a widening by itself,
 * only the tag scopes it joins are), and a computer created by the change with its own tenant (a
 * new computer is seen by those who see its tenant; only resource selectors widen). A computer that
 * did not change itself is listed only where a resource scope makes its access differ from its
 * tenant's (the tenant row says the rest).
 *
 * <p>Candidates are pruned by a cheap over-approximation of coverage; every gain is then confirmed
 * by {@link Engine#check} in both states and attributed with {@link Engine#explain}.
 */
public final class AccessDiff {
  private final Engine engine;

  public AccessDiff(Engine engine) {
    this.engine = engine;
  }

  public AccessDiff() {
    this(Engine.INSTANCE);
  }

  /** The ids of the entities the change wrote (as the policy feed names them). */
  public record Changed(
      Set<UUID> tenants, Set<UUID> computers, Set<UUID> users, Set<UUID> assignments) {
    public Changed {
      tenants = Set.copyOf(tenants);
      computers = Set.copyOf(computers);
      users = Set.copyOf(users);
      assignments = Set.copyOf(assignments);
    }

    public boolean isEmpty() {
      return tenants.isEmpty() && computers.isEmpty() && users.isEmpty() && assignments.isEmpty();
    }
  }

  /**
   * The list, and the ids of every assignment through which something is newly gained (listed or
   * not): the grants the author of the change must be able to create (rule 6 a, c, e).
   */
  public record Result(AccessChangeList list, Set<UUID> assignmentIds) {
    public static final Result NONE = new Result(AccessChangeList.NONE, Set.of());

    public Result {
      assignmentIds = Set.copyOf(assignmentIds);
    }
  }

  public Result compute(PolicySnapshot before, PolicySnapshot after, Changed changed, Instant now) {
    return compute(before, after, changed, now, null);
  }

  /** {@link #compute}, also adding every (user, permission, target) gained to {@code gains}. */
  Result compute(
      PolicySnapshot before,
      PolicySnapshot after,
      Changed changed,
      Instant now,
      @Nullable Set<Gain> gains) {
    if (changed.isEmpty()) {
      return Result.NONE;
    }
    Scan scan = new Scan(before, after, now, gains);
    scan.targets(changed);
    scan.users();
    return scan.result();
  }

  /** One permission newly allowed to one user on one tenant or computer. */
  record Gain(UUID user, Permission permission, UUID target) {}

  private static final int W = Compiled.WORDS;
  private static final Permission[] PERMISSIONS = Permission.values();

  /** The bits of the non-system permissions: only those can be gained on a target. */
  private static final long[] NON_SYSTEM = new long[W];

  static {
    for (Permission p : PERMISSIONS) {
      if (!p.system()) {
        NON_SYSTEM[p.ordinal() >>> 6] |= 1L << p.ordinal();
      }
    }
  }

  /**
   * One user's active assignments (direct and through groups) in one snapshot, split into
   * tenant-level scopes and resource selectors, and the permission bits they give on a target —
   * exactly as {@link Engine#check} decides: a permission is allowed where an allow holding it
   * covers the target and no deny holding it does ({@link Matcher} is the engine's own coverage).
   */
  private static final class Side {
    final PolicySnapshot s;
    final long nowSec;
    final int nowNano;
    boolean active;
    int userTenant;
    Compiled.Asg[] tenantLevel = new Compiled.Asg[8];
    int nTenantLevel;
    Compiled.Asg[] resource = new Compiled.Asg[8];
    int nResource;
    final Map<Compiled.Asg, UUID> via = new java.util.IdentityHashMap<>();
    boolean anyAllow;

    Side(PolicySnapshot s, long nowSec, int nowNano) {
      this.s = s;
      this.nowSec = nowSec;
      this.nowNano = nowNano;
    }

    void load(UUID userId) {
      nTenantLevel = 0;
      nResource = 0;
      via.clear();
      anyAllow = false;
      int ui = s.userIx.get(userId);
      Compiled.User u = ui < 0 ? null : s.users.get(ui);
      active = u != null && u.node() != null && Engine.active(u, nowSec, nowNano);
      if (!active) {
        return;
      }
      userTenant = u.tenant();
      for (Compiled.Asg a : u.directAsgs()) {
        add(a, null);
      }
      for (int g : u.groups()) {
        Compiled.Group group = s.groups.get(g);
        if (group != null) {
          for (Compiled.Asg a : group.asgArray()) {
            add(a, group.node() == null ? null : group.node().id());
          }
        }
      }
    }

    private void add(Compiled.Asg a, @Nullable UUID group) {
      if (!a.activeAt(nowSec, nowNano)) {
        return;
      }
      if (group != null) {
        via.put(a, group);
      }
      anyAllow |= !a.deny();
      if (a.kind() >= Compiled.RES_ONE) {
        if (nResource == resource.length) {
          resource = java.util.Arrays.copyOf(resource, 2 * nResource);
        }
        resource[nResource++] = a;
      } else {
        if (nTenantLevel == tenantLevel.length) {
          tenantLevel = java.util.Arrays.copyOf(tenantLevel, 2 * nTenantLevel);
        }
        tenantLevel[nTenantLevel++] = a;
      }
    }

    /** allow and deny (at {@code at}) = bits of the tenant-level scopes covering tenant t. */
    void tenantBits(int t, long[] allow, long[] deny, int at) {
      java.util.Arrays.fill(allow, at, at + W, 0L);
      java.util.Arrays.fill(deny, at, at + W, 0L);
      if (!active || Engine.presentTenant(s, t) < 0) {
        return;
      }
      for (int i = 0; i < nTenantLevel; i++) {
        Compiled.Asg a = tenantLevel[i];
        if (Matcher.coversTenant(s, a, t, userTenant)) {
          or(a, a.deny() ? deny : allow, at);
        }
      }
    }

    /** Adds the bits of the resource selectors that select computer c (whose tenant is t). */
    void resourceBits(int c, Compiled.Computer cc, long[] allow, long[] deny, int at) {
      for (int i = 0; i < nResource; i++) {
        Compiled.Asg a = resource[i];
        if (Matcher.covers(s, a, Matcher.COMPUTER, cc.tenant(), c, cc, userTenant)) {
          or(a, a.deny() ? deny : allow, at);
        }
      }
    }

    private void or(Compiled.Asg a, long[] into, int at) {
      long[] bits = s.roleBits;
      int base = a.role() * W;
      for (int w = 0; w < W && base + w < bits.length; w++) {
        into[at + w] |= bits[base + w];
      }
    }

    /** The active allows covering the target (tenant t, or computer c of it when c >= 0). */
    List<Compiled.Asg> coveringAllows(int t, int c, Compiled.@Nullable Computer cc) {
      List<Compiled.Asg> out = new ArrayList<>();
      for (int i = 0; i < nTenantLevel; i++) {
        Compiled.Asg a = tenantLevel[i];
        if (!a.deny() && Matcher.coversTenant(s, a, t, userTenant)) {
          out.add(a);
        }
      }
      if (c >= 0) {
        for (int i = 0; i < nResource; i++) {
          Compiled.Asg a = resource[i];
          if (!a.deny() && Matcher.covers(s, a, Matcher.COMPUTER, t, c, cc, userTenant)) {
            out.add(a);
          }
        }
      }
      return out;
    }
  }

  /**
   * The comparison, per user over the affected targets only. Which targets can be affected: the
   * changed tenants and their subtrees (before and after), the tenants of moved users (before and
   * after), the targets of changed assignments (before and after), changed computers, and the
   * computers of affected tenants. For each user, each affected tenant costs one pass over the
   * user's tenant-level assignments in each state (permission bit sets, no engine call per
   * permission); a computer is examined only if it changed itself (or is new, or its tenant is) or
   * if one of the user's resource selectors (before or after) may select it: any other computer's
   * access is its tenant's in both states, so what it gains is what its tenant gains, which the
   * tenant row says.
   */
  private final class Scan {
    private final PolicySnapshot before;
    private final PolicySnapshot after;
    private final PolicySnapshot baseline;
    private final long nowSec;
    private final int nowNano;
    private final @Nullable Set<Gain> gains;
    private final Set<UUID> newTenants = new HashSet<>();
    private final Set<UUID> newComputers = new HashSet<>();
    // affected tenants (after indexes) and their slots
    private int[] tenantList = new int[0];
    private int[] slotOf = new int[0];
    private boolean[] slotNew = new boolean[0];
    private int[] slotBefore = new int[0]; // index in before (or baseline for a new one), -1 absent
    private boolean[] slotMspSame = new boolean[0]; // same msp_id before and after
    private boolean[] slotSame = new boolean[0]; // this user's tenant-level bits are unchanged
    // computers examined for every user, and those that changed themselves
    private final List<Integer> always = new ArrayList<>();
    private final Set<Integer> changedItself = new HashSet<>();
    // computers of affected tenants, by what a selector picks them by
    private final Map<UUID, List<Integer>> byTag = new HashMap<>();
    private final Map<dev.tenantry.authz.ComputerType, List<Integer>> byType = new HashMap<>();
    private int[] stamp = new int[0];
    private int serial;
    private final List<Row> rows = new ArrayList<>();
    private final Map<GroupRowKey, Row> groupRows = new HashMap<>();
    private final Map<Compiled.Asg, Row[]> groupTenantRows = new java.util.IdentityHashMap<>();
    private final Set<UUID> gainingUsers = new HashSet<>();
    private final java.util.BitSet gainedTenants = new java.util.BitSet();
    private final java.util.BitSet gainedComputers = new java.util.BitSet();
    private long grants;

    Scan(PolicySnapshot before, PolicySnapshot after, Instant now, @Nullable Set<Gain> gains) {
      this.before = before;
      this.after = after;
      this.nowSec = now.getEpochSecond();
      this.nowNano = now.getNano();
      this.gains = gains;
      List<PolicyChange> untag = new ArrayList<>();
      for (TenantNode t : after.tenants()) {
        if (before.tenant(t.id()).isEmpty() && !t.tagIds().isEmpty()) {
          untag.add(new PolicyChange.SetTenantTags(t.id(), Set.of()));
        }
      }
      this.baseline = untag.isEmpty() ? after : after.withChanges(after.revision(), untag);
    }

    void targets(Changed changed) {
      Set<UUID> tenantIds = new LinkedHashSet<>(changed.tenants());
      if (!changed.tenants().isEmpty()) { // a moved or re-homed tenant takes its subtree along
        descendants(after, changed.tenants(), tenantIds);
        descendants(before, changed.tenants(), tenantIds);
      }
      for (UUID id : changed.users()) {
        for (PolicySnapshot s : List.of(after, before)) {
          s.user(id).map(UserNode::tenantId).ifPresent(tenantIds::add);
        }
      }
      Set<UUID> computerIds = new LinkedHashSet<>();
      for (UUID id : changed.assignments()) {
        for (PolicySnapshot s : List.of(after, before)) {
          s.assignment(id).ifPresent(a -> reach(s, a, tenantIds, computerIds));
        }
      }
      slotOf = new int[after.tenants.size()];
      java.util.Arrays.fill(slotOf, -1);
      List<Integer> list = new ArrayList<>();
      for (UUID id : tenantIds) {
        int t = after.tenantIx.get(id);
        if (t >= 0 && Engine.presentTenant(after, t) >= 0 && slotOf[t] < 0) {
          slotOf[t] = list.size();
          list.add(t);
        }
      }
      tenantList = list.stream().mapToInt(Integer::intValue).toArray();
      slotNew = new boolean[tenantList.length];
      slotBefore = new int[tenantList.length];
      slotMspSame = new boolean[tenantList.length];
      slotSame = new boolean[tenantList.length];
      for (int i = 0; i < tenantList.length; i++) {
        UUID id = after.tenantAt(tenantList[i]).node().id();
        slotNew[i] = before.tenant(id).isEmpty();
        if (slotNew[i]) {
          newTenants.add(id);
        }
        PolicySnapshot was = slotNew[i] ? baseline : before;
        int b = was.tenantIx.get(id);
        slotBefore[i] = b >= 0 && Engine.presentTenant(was, b) >= 0 ? b : -1;
        slotMspSame[i] =
            !slotNew[i]
                && before
                    .tenant(id)
                    .map(TenantNode::mspId)
                    .equals(after.tenant(id).map(TenantNode::mspId));
      }
      stamp = new int[after.computers.size()];
      for (UUID id : changed.computers()) {
        int c = after.computerIx.get(id);
        if (present(c)) {
          changedItself.add(c);
          alwaysAdd(c);
        }
      }
      for (UUID id : computerIds) {
        int c = after.computerIx.get(id);
        if (present(c)) {
          alwaysAdd(c);
        }
      }
      for (int c = 0; c < after.computers.size(); c++) {
        Compiled.Computer cc = after.computers.get(c);
        if (cc == null || cc.node() == null) {
          continue;
        }
        ComputerNode n = cc.node();
        boolean affectedTenant =
            cc.tenant() >= 0 && cc.tenant() < slotOf.length && slotOf[cc.tenant()] >= 0;
        ComputerNode was = before.computer(n.id()).orElse(null);
        if (was == null) {
          newComputers.add(n.id());
        } else if (!was.tenantId().equals(n.tenantId())
            || before.tenant(was.tenantId()).isEmpty()) {
          changedItself.add(c); // moved (or its tenant was absent): decided against before as it is
        }
        if (!affectedTenant) {
          continue;
        }
        if (was == null || changedItself.contains(c) || slotNew[slotOf[cc.tenant()]]) {
          alwaysAdd(c);
        }
        byType.computeIfAbsent(n.type(), k -> new ArrayList<>()).add(c);
        for (UUID g : n.tagIds()) {
          byTag.computeIfAbsent(g, k -> new ArrayList<>()).add(c);
        }
      }
    }

    private boolean present(int c) {
      if (c < 0) {
        return false;
      }
      Compiled.Computer cc = after.computers.get(c);
      return cc != null && cc.node() != null;
    }

    private void alwaysAdd(int c) {
      if (stamp[c] == 0) {
        stamp[c] = -1;
        always.add(c);
      }
    }

    /**
     * Every tenant and computer the assignment may cover in s (more is harmless: limits are
     * ignored, and a scope naming an absent tenant still reaches what the engine says it does).
     */
    private static void reach(
        PolicySnapshot s, AssignmentNode a, Set<UUID> tenants, Set<UUID> computers) {
      switch (a.scope()) {
        case Scope.Owner o -> s.tenants().forEach(t -> tenants.add(t.id()));
        case Scope.Msp(UUID m) -> {
          tenants.add(m);
          for (TenantNode t : s.tenants()) {
            if (t.mspId().equals(m)) {
              tenants.add(t.id());
            }
          }
        }
        case Scope.Tenant(UUID id, boolean children) -> {
          tenants.add(id);
          if (children) {
            descendants(s, Set.of(id), tenants);
          }
        }
        case Scope.TenantTag g -> {
          for (TenantNode t : s.tenants()) {
            if (t.tagIds().contains(g.tagId())) {
              tenants.add(t.id());
            }
          }
        }
        case Scope.UsersTenant u ->
            ScopeTargets.of(s, u, a.principal())
                .ifPresent(
                    ts ->
                        ts.forEach(
                            t -> {
                              if (t instanceof Target.TenantTarget(UUID x)) {
                                tenants.add(x);
                              }
                            }));
        case Scope.Resource(ResourceSelector sel) -> {
          for (int c = 0; c < s.computers.size(); c++) {
            Compiled.Computer cc = s.computers.get(c);
            if (cc != null && cc.node() != null) {
              ComputerNode n = cc.node();
              boolean may =
                  switch (sel) {
                    case ResourceSelector.OneComputer(UUID id) -> id.equals(n.id());
                    case ResourceSelector.ComputerTag t -> n.tagIds().contains(t.tagId());
                    case ResourceSelector.ComputerTypes t -> t.types().contains(n.type());
                  };
              if (may) {
                computers.add(n.id());
              }
            }
          }
        }
        default -> s.tenants().forEach(t -> tenants.add(t.id()));
      }
    }

    private static void descendants(PolicySnapshot s, Set<UUID> roots, Set<UUID> out) {
      Map<UUID, List<UUID>> children = new HashMap<>();
      for (TenantNode t : s.tenants()) {
        if (t.parentId() != null) {
          children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
        }
      }
      java.util.ArrayDeque<UUID> todo = new java.util.ArrayDeque<>(roots);
      Set<UUID> seen = new HashSet<>(roots);
      while (!todo.isEmpty()) {
        for (UUID child : children.getOrDefault(todo.poll(), List.of())) {
          if (seen.add(child)) {
            out.add(child);
            todo.add(child);
          }
        }
      }
    }

    void users() {
      if (tenantList.length == 0 && always.isEmpty()) {
        return;
      }
      int n = tenantList.length * W;
      long[] tA = new long[n];
      long[] tDA = new long[n];
      long[] tB = new long[n];
      long[] tDB = new long[n];
      long[] tG = new long[n];
      Side now = new Side(after, nowSec, nowNano);
      Side was = new Side(before, nowSec, nowNano);
      Side base = baseline == after ? now : new Side(baseline, nowSec, nowNano);
      Scratch x = new Scratch();
      for (int u = 0; u < after.users.size(); u++) {
        Compiled.User cu = after.users.get(u);
        if (cu == null || cu.node() == null) {
          continue;
        }
        UUID user = cu.node().id();
        now.load(user);
        if (!now.active || !now.anyAllow) {
          continue; // allows nothing after: gains nothing
        }
        was.load(user);
        if (base != now) {
          base.load(user);
        }
        for (int i = 0; i < tenantList.length; i++) {
          int at = i * W;
          int t = tenantList[i];
          now.tenantBits(t, tA, tDA, at);
          Side b = slotNew[i] ? base : was;
          if (slotBefore[i] >= 0) {
            b.tenantBits(slotBefore[i], tB, tDB, at);
          } else {
            java.util.Arrays.fill(tB, at, at + W, 0L);
            java.util.Arrays.fill(tDB, at, at + W, 0L);
          }
          boolean any = false;
          boolean same = !slotNew[i];
          for (int w = 0; w < W; w++) {
            long g = tA[at + w] & ~tDA[at + w] & ~(tB[at + w] & ~tDB[at + w]) & NON_SYSTEM[w];
            tG[at + w] = g;
            any |= g != 0;
            same &= tA[at + w] == tB[at + w] && tDA[at + w] == tDB[at + w];
          }
          slotSame[i] = same;
          if (any) {
            record(user, now, t, -1, null, tG, at, "TENANT");
          }
        }
        serial++;
        for (int c : always) {
          computer(user, now, was, c, x, tA, tDA, tB, tDB, tG);
        }
        if (now.nResource > 0 || was.nResource > 0) {
          candidates(now);
          candidates(was);
          List<Integer> cs = new ArrayList<>(picked);
          picked.clear();
          boolean sameSelectors = sameResources(now, was);
          boolean mspLimited = mspLimited(now) || mspLimited(was);
          for (int c : cs) {
            int slot = slotOf[after.computers.get(c).tenant()];
            if (sameSelectors && slotSame[slot] && (slotMspSame[slot] || !mspLimited)) {
              // an unchanged computer whose tenant-level cover and selectors are what they were
              continue;
            }
            computer(user, now, was, c, x, tA, tDA, tB, tDB, tG);
          }
        }
      }
    }

    private final List<Integer> picked = new ArrayList<>();

    /** The same resource assignments (compared whole) in both states. */
    private static boolean sameResources(Side now, Side was) {
      if (!was.active || now.nResource != was.nResource) {
        return false;
      }
      Set<AssignmentNode> a = new HashSet<>();
      for (int i = 0; i < now.nResource; i++) {
        a.add(now.resource[i].node());
      }
      for (int i = 0; i < was.nResource; i++) {
        if (!a.contains(was.resource[i].node())) {
          return false;
        }
      }
      return true;
    }

    private static boolean mspLimited(Side side) {
      for (int i = 0; i < side.nResource; i++) {
        if (side.resource[i].mspLimit()) {
          return true;
        }
      }
      return false;
    }

    /** The computers of affected tenants that one of the side's selectors may pick. */
    private void candidates(Side side) {
      for (int i = 0; i < side.nResource; i++) {
        Scope scope = side.resource[i].node().scope();
        if (!(scope instanceof Scope.Resource(ResourceSelector sel))) {
          continue;
        }
        switch (sel) {
          case ResourceSelector.OneComputer(UUID id) -> {
            int c = after.computerIx.get(id);
            if (present(c)) {
              Compiled.Computer cc = after.computers.get(c);
              if (cc.tenant() >= 0 && cc.tenant() < slotOf.length && slotOf[cc.tenant()] >= 0) {
                pick(c);
              }
            }
          }
          case ResourceSelector.ComputerTag t -> {
            for (int c : byTag.getOrDefault(t.tagId(), List.of())) {
              pick(c);
            }
          }
          case ResourceSelector.ComputerTypes t -> {
            for (dev.tenantry.authz.ComputerType type : t.types()) {
              for (int c : byType.getOrDefault(type, List.of())) {
                pick(c);
              }
            }
          }
        }
      }
    }

    private void pick(int c) {
      if (stamp[c] != serial && stamp[c] != -1) {
        stamp[c] = serial;
        picked.add(c);
      }
    }

    /** Reusable bit sets for one computer. */
    private static final class Scratch {
      final long[] allow = new long[W];
      final long[] deny = new long[W];
      final long[] wasAllow = new long[W];
      final long[] wasDeny = new long[W];
      final long[] gain = new long[W];
    }

    private void computer(
        UUID user,
        Side now,
        Side was,
        int c,
        Scratch x,
        long[] tA,
        long[] tDA,
        long[] tB,
        long[] tDB,
        long[] tG) {
      Compiled.Computer cc = after.computers.get(c);
      int t = cc.tenant();
      if (Engine.presentTenant(after, t) < 0) {
        return;
      }
      int slot = t < slotOf.length ? slotOf[t] : -1;
      if (slot >= 0) {
        System.arraycopy(tA, slot * W, x.allow, 0, W);
        System.arraycopy(tDA, slot * W, x.deny, 0, W);
      } else {
        now.tenantBits(t, x.allow, x.deny, 0);
      }
      boolean fresh = newComputers.contains(cc.node().id());
      if (fresh) { // compared with its tenant after
        for (int w = 0; w < W; w++) {
          x.wasAllow[w] = x.allow[w];
          x.wasDeny[w] = x.deny[w];
        }
      }
      now.resourceBits(c, cc, x.allow, x.deny, 0);
      boolean any = false;
      for (int w = 0; w < W; w++) {
        any |= (x.allow[w] & ~x.deny[w] & NON_SYSTEM[w]) != 0;
      }
      if (!any) {
        return;
      }
      if (!fresh) {
        int cb = before.computerIx.get(cc.node().id());
        Compiled.Computer ccb = cb < 0 ? null : before.computers.get(cb);
        int tb =
            ccb == null || ccb.node() == null ? -1 : Engine.presentTenant(before, ccb.tenant());
        if (tb < 0) {
          java.util.Arrays.fill(x.wasAllow, 0L);
          java.util.Arrays.fill(x.wasDeny, 0L);
        } else {
          if (slot >= 0 && !slotNew[slot] && slotBefore[slot] == tb) {
            System.arraycopy(tB, slot * W, x.wasAllow, 0, W);
            System.arraycopy(tDB, slot * W, x.wasDeny, 0, W);
          } else {
            was.tenantBits(tb, x.wasAllow, x.wasDeny, 0);
          }
          was.resourceBits(cb, ccb, x.wasAllow, x.wasDeny, 0);
        }
      }
      boolean mine = changedItself.contains(c) || fresh;
      any = false;
      for (int w = 0; w < W; w++) {
        long g = x.allow[w] & ~x.deny[w] & ~(x.wasAllow[w] & ~x.wasDeny[w]) & NON_SYSTEM[w];
        if (!mine && slot >= 0) {
          g &= ~tG[slot * W + w]; // the tenant row already says it
        }
        x.gain[w] = g;
        any |= g != 0;
      }
      if (any) {
        record(user, now, t, c, cc, x.gain, 0, "COMPUTER");
      }
    }

    /**
     * Counts the gained permissions and adds them to the rows of the allows they flow through: the
     * active allows covering the target after whose role holds them (a gain is allowed, so no deny
     * holding it matched), one row per (allow, subject, target). A user visits each target once, so
     * a direct allow's row is written once and a group allow's row once per member who gains.
     */
    private void record(
        UUID user,
        Side now,
        int t,
        int c,
        Compiled.@Nullable Computer cc,
        long[] gain,
        int at,
        String type) {
      UUID target = c >= 0 ? cc.node().id() : after.tenantAt(t).node().id();
      gainingUsers.add(user);
      if (c >= 0) {
        gainedComputers.set(c);
      } else {
        gainedTenants.set(t);
      }
      for (int w = 0; w < W; w++) {
        long bits = gain[at + w];
        grants += Long.bitCount(bits);
        while (gains != null && bits != 0) {
          int ord = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          gains.add(new Gain(user, PERMISSIONS[ord], target));
        }
      }
      long[] bits = after.roleBits;
      for (Compiled.Asg a : now.coveringAllows(t, c, cc)) {
        int base = a.role() * W;
        UUID group = now.via.isEmpty() ? null : now.via.get(a);
        for (PermissionSubject subject : SUBJECTS) {
          long[] mask = SUBJECT_MASKS[subject.ordinal()];
          long[] held = null;
          for (int w = 0; w < W; w++) {
            long m = gain[at + w] & mask[w] & (base + w < bits.length ? bits[base + w] : 0L);
            if (m != 0) {
              if (held == null) {
                held = new long[W];
              }
              held[w] = m;
            }
          }
          if (held == null) {
            continue;
          }
          if (group == null) {
            rows.add(new Row(user, false, a, subject, type, target, held));
          } else {
            Row r;
            if (c < 0) { // a tenant: the group allow's rows by (slot, subject), no hashing
              Row[] byTarget =
                  groupTenantRows.computeIfAbsent(
                      a, k -> new Row[tenantList.length * SUBJECTS.length]);
              int i = slotOf[t] * SUBJECTS.length + subject.ordinal();
              r = byTarget[i];
              if (r == null) {
                r = byTarget[i] = new Row(group, true, a, subject, type, target, new long[W]);
                rows.add(r);
              }
            } else {
              r =
                  groupRows.computeIfAbsent(
                      new GroupRowKey(a.index(), subject, c, true),
                      k -> new Row(group, true, a, subject, type, target, new long[W]));
            }
            r.add(held);
          }
        }
      }
    }

    Result result() {
      rows.addAll(groupRows.values());
      List<AccessGain> out = new ArrayList<>(rows.size());
      Set<UUID> assignments = new HashSet<>();
      Map<Compiled.Asg, String> scopes = new java.util.IdentityHashMap<>();
      for (Row r : rows) {
        AssignmentNode n = r.asg.node();
        assignments.add(n.id());
        out.add(
            new AccessGain(
                r.group ? "GROUP" : "USER",
                r.principal,
                n.id(),
                n.roleId(),
                scopes.computeIfAbsent(r.asg, k -> scopeText(n.scope())),
                r.subject,
                r.targetType,
                r.target,
                newTenants.contains(r.target) || newComputers.contains(r.target),
                r.permissionKeys(),
                r.users));
      }
      return new Result(
          AccessChangeList.of(
              out,
              grants,
              gainingUsers.size(),
              gainedTenants.cardinality() + gainedComputers.cardinality()),
          assignments);
    }
  }

  private static final PermissionSubject[] SUBJECTS = PermissionSubject.values();

  /** Per subject, the bits of its non-system permissions. */
  private static final long[][] SUBJECT_MASKS = new long[SUBJECTS.length][W];

  static {
    for (Permission p : PERMISSIONS) {
      if (!p.system()) {
        SUBJECT_MASKS[p.subject().ordinal()][p.ordinal() >>> 6] |= 1L << p.ordinal();
      }
    }
  }

  /** A group allow's row: (assignment index, subject, target index, computer or tenant). */
  private record GroupRowKey(int asg, PermissionSubject subject, int target, boolean computer) {}

  /** One row of the list: permissions as bits; users = how many gain through it. */
  private static final class Row {
    final UUID principal;
    final boolean group;
    final Compiled.Asg asg;
    final PermissionSubject subject;
    final String targetType;
    final UUID target;
    final long[] permissions;
    int users;

    Row(
        UUID principal,
        boolean group,
        Compiled.Asg asg,
        PermissionSubject subject,
        String targetType,
        UUID target,
        long[] permissions) {
      this.principal = principal;
      this.group = group;
      this.asg = asg;
      this.subject = subject;
      this.targetType = targetType;
      this.target = target;
      this.permissions = permissions;
      this.users = group ? 0 : 1;
    }

    void add(long[] held) {
      users++;
      for (int w = 0; w < W; w++) {
        permissions[w] |= held[w];
      }
    }

    List<String> permissionKeys() {
      TreeSet<String> keys = new TreeSet<>();
      for (int w = 0; w < W; w++) {
        long bits = permissions[w];
        while (bits != 0) {
          keys.add(PERMISSIONS[(w << 6) + Long.numberOfTrailingZeros(bits)].key());
          bits &= bits - 1;
        }
      }
      return List.copyOf(keys);
    }
  }

  /**
   * A scope as the list shows it, e.g. {@code TENANT(<id>, children)}, {@code TENANT_TAG(<id>)}.
   */
  static String scopeText(Scope scope) {
    return switch (scope) {
      case Scope.Msp m -> "MSP(" + m.mspTenantId() + ")";
      case Scope.Tenant t -> "TENANT(" + t.tenantId() + (t.includeChildren() ? ", children)" : ")");
      case Scope.TenantTag g -> "TENANT_TAG(" + g.tagId() + ")";
      case Scope.Resource r -> "RESOURCE(" + selectorText(r.selector()) + ")";
      default -> scope.kind().name();
    };
  }

  private static String selectorText(ResourceSelector s) {
    return switch (s) {
      case ResourceSelector.OneComputer c -> "computer " + c.computerId();
      case ResourceSelector.ComputerTag t ->
          "tag " + t.tagId() + limitText(t.tenantId(), t.mspId());
      case ResourceSelector.ComputerTypes t ->
          "types " + new java.util.TreeSet<>(t.types()) + limitText(t.tenantId(), t.mspId());
    };
  }

  private static String limitText(@Nullable UUID tenant, @Nullable UUID msp) {
    return tenant != null ? ", tenant " + tenant : msp != null ? ", msp " + msp : "";
  }
}
