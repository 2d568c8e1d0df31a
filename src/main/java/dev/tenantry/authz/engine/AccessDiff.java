package dev.tenantry.authz.engine;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.AccessGain;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionSubject;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    if (changed.isEmpty()) {
      return Result.NONE;
    }
    Scan scan = new Scan(before, after, now);
    scan.targets(changed);
    scan.users();
    return scan.result();
  }

  private final class Scan {
    private final PolicySnapshot before;
    private final PolicySnapshot after;
    private final PolicySnapshot baseline;
    private final Instant now;
    private final Map<UUID, TenantNode> tenants = new LinkedHashMap<>();
    private final Map<UUID, ComputerNode> computers = new LinkedHashMap<>();
    private final Set<UUID> newTenants = new HashSet<>();
    private final Set<UUID> newComputers = new HashSet<>();
    private Map<UUID, List<ComputerNode>> computersByTenant;
    private Map<UUID, List<ComputerNode>> differing;
    private final Map<RowKey, Row> rows = new HashMap<>();
    private final Set<UUID> gainingUsers = new HashSet<>();
    private final Set<UUID> gainedTargets = new HashSet<>();
    private final Map<PolicySnapshot, Map<UUID, Set<UUID>>> ancestors =
        new java.util.IdentityHashMap<>();
    private long grants;

    Scan(PolicySnapshot before, PolicySnapshot after, Instant now) {
      this.before = before;
      this.after = after;
      this.now = now;
      List<PolicyChange> untag = new ArrayList<>();
      for (TenantNode t : after.tenants()) {
        if (before.tenant(t.id()).isEmpty() && !t.tagIds().isEmpty()) {
          untag.add(new PolicyChange.SetTenantTags(t.id(), Set.of()));
        }
      }
      this.baseline = untag.isEmpty() ? after : after.withChanges(after.revision(), untag);
    }

    void targets(Changed changed) {
      for (UUID id : changed.tenants()) {
        after.tenant(id).ifPresent(t -> tenants.put(id, t));
      }
      if (!tenants.isEmpty()) { // a moved or re-homed tenant takes its subtree along
        Set<UUID> roots = Set.copyOf(tenants.keySet());
        for (TenantNode t : after.tenants()) {
          if (!tenants.containsKey(t.id()) && underAny(after, t, roots)) {
            tenants.put(t.id(), t);
          }
        }
      }
      for (UUID id : changed.users()) {
        after
            .user(id)
            .map(UserNode::tenantId)
            .flatMap(after::tenant)
            .ifPresent(t -> tenants.putIfAbsent(t.id(), t));
      }
      for (UUID id : changed.computers()) {
        after.computer(id).ifPresent(c -> computers.put(id, c));
      }
      for (UUID id : changed.assignments()) {
        after
            .assignment(id)
            .flatMap(a -> ScopeTargets.of(after, a.scope(), a.principal()))
            .ifPresent(this::addTargets);
      }
      for (UUID id : tenants.keySet()) {
        if (before.tenant(id).isEmpty()) {
          newTenants.add(id);
        }
      }
      for (UUID id : computers.keySet()) {
        if (before.computer(id).isEmpty()) {
          newComputers.add(id);
        }
      }
    }

    private void addTargets(List<Target> targets) {
      for (Target t : targets) {
        if (t instanceof Target.TenantTarget(UUID id)) {
          after.tenant(id).ifPresent(n -> tenants.putIfAbsent(id, n));
        } else if (t instanceof Target.ComputerTarget(UUID id)) {
          after.computer(id).ifPresent(n -> computers.putIfAbsent(id, n));
        }
      }
    }

    void users() {
      if (tenants.isEmpty() && computers.isEmpty()) {
        return;
      }
      for (int u = 0; u < after.users.size(); u++) {
        Compiled.User cu = after.users.get(u);
        if (cu != null && cu.node() != null && cu.node().activeAt(now)) {
          user(cu.node());
        }
      }
    }

    private void user(UserNode user) {
      List<AssignmentNode> live = active(assignmentsOf(after, user.id()));
      List<AssignmentNode> allows = new ArrayList<>();
      boolean resource = false;
      for (AssignmentNode a : live) {
        if (a.effect() == Effect.ALLOW && after.role(a.roleId()).isPresent()) {
          allows.add(a);
          resource |= a.scope() instanceof Scope.Resource;
        }
      }
      if (allows.isEmpty()) {
        return;
      }
      UserNode was = before.user(user.id()).orElse(null);
      boolean sameUser =
          was != null
              && was.enabled() == user.enabled()
              && java.util.Objects.equals(was.accessExpiresAt(), user.accessExpiresAt());
      List<AssignmentNode> beforeLive =
          was == null ? List.of() : active(assignmentsOf(before, user.id()));
      List<AssignmentNode> wasLive = sameUser ? beforeLive : List.of();
      Signatures sig = new Signatures(user, live, beforeLive, was == null ? null : was.tenantId());
      Set<UUID> sameCover = new HashSet<>(); // tenants whose tenant-level cover is what it was
      for (TenantNode t : tenants.values()) {
        if (tenant(sig, t, sameUser)) {
          sameCover.add(t.id());
        }
      }
      Map<UUID, @Nullable Set<Permission>> liftedByTenant = new HashMap<>();
      for (ComputerNode c : computers.values()) {
        computer(sig, c, true, sameUser, wasLive, liftedByTenant, allows);
      }
      if (!resource) {
        return;
      }
      for (TenantNode t : tenants.values()) {
        List<ComputerNode> cs = byTenant().getOrDefault(t.id(), List.of());
        if (cs.isEmpty()) {
          continue;
        }
        if (sameUser && !mspLimitMoved(live, wasLive, t)) {
          // the same test the computer loop makes first, once for all computers of the tenant
          Set<Permission> lifted =
              liftedByTenant.computeIfAbsent(
                  t.id(), id -> liftedDenies(live, user.tenantId(), t, wasLive, was.tenantId()));
          if (lifted != null && lifted.isEmpty()) {
            continue; // its resource grants and its tenant's denies are what they were
          }
        }
        if (sameUser && sameCover.contains(t.id()) && !mspLimitMoved(live, wasLive, t)) {
          // the tenant-level assignments covering t are the same, and so are the resource scopes
          // selecting each computer that is the same as before: each such computer's cover is what
          // it was (the per-computer test would skip it); only the others are examined
          cs = differing().getOrDefault(t.id(), List.of());
        }
        for (ComputerNode c : cs) {
          if (!computers.containsKey(c.id()) && resourceSelects(allows, c, t)) {
            computer(sig, c, false, sameUser, wasLive, liftedByTenant, allows);
          }
        }
      }
    }

    /**
     * The gains on tenant t: the decision on t depends only on the set of the user's assignments
     * that cover it (exactly computed, {@link #covers}), so t is compared by its signature — which
     * assignments cover it after and in its baseline — and the engine is asked once per signature.
     */
    private boolean tenant(Signatures sig, TenantNode t, boolean sameUser) {
      boolean isNew = newTenants.contains(t.id());
      BitSet now = sig.cover(after, sig.live, t, sig.user.tenantId(), null);
      BitSet then =
          isNew
              ? sig.cover(
                  baseline, sig.live, baseline.tenant(t.id()).orElse(t), sig.user.tenantId(), null)
              : sig.cover(
                  before, sig.beforeLive, before.tenant(t.id()).orElseThrow(), sig.wasTenant, null);
      if (sameUser && !isNew && now.equals(then)) {
        return true; // the same assignments cover it, so every decision is the same
      }
      if (!sig.anyAllow(now)) {
        return false; // nothing allowed there after
      }
      Gain gained =
          sig.tenantGainsBySignature.computeIfAbsent(
              new Signature(isNew ? 1 : 0, now, then),
              k -> {
                PolicySnapshot was = isNew ? baseline : before;
                List<Permission> out = new ArrayList<>();
                for (Permission p : sig.permissions(now)) {
                  Target target = Target.tenant(t.id());
                  if (!p.system()
                      && engine.check(after, sig.user.id(), p, target, this.now).allowed()
                      && !engine.check(was, sig.user.id(), p, target, this.now).allowed()) {
                    out.add(p);
                  }
                }
                return sig.gain(out, now);
              });
      if (!gained.permissions().isEmpty()) {
        sig.tenantGains.put(t.id(), gained.permissions());
        record(sig, gained, "TENANT", t.id());
      }
      return false;
    }

    /** The gains on computer c ({@link #tenant}'s signatures, and the old per-computer filters). */
    private void computer(
        Signatures sig,
        ComputerNode c,
        boolean changedItself,
        boolean sameUser,
        List<AssignmentNode> wasLive,
        Map<UUID, @Nullable Set<Permission>> liftedByTenant,
        List<AssignmentNode> allows) {
      TenantNode tenant = after.tenant(c.tenantId()).orElse(null);
      if (tenant == null) {
        return;
      }
      if (!changedItself && !resourceSelects(allows, c, tenant)) {
        return; // its access is its tenant's, already decided on the tenant row
      }
      BitSet now = sig.cover(after, sig.live, tenant, sig.user.tenantId(), c);
      if (!sig.anyAllow(now)) {
        return;
      }
      ComputerNode cb = before.computer(c.id()).orElse(null);
      TenantNode tb = cb == null ? null : before.tenant(cb.tenantId()).orElse(null);
      BitSet then = tb == null ? null : sig.cover(before, sig.beforeLive, tb, sig.wasTenant, cb);
      if (sameUser && then != null && now.equals(then)) {
        return;
      }
      Set<Permission> lifted = null; // null: any permission may be gained here
      if (!changedItself && sameUser && !mspLimitMoved(sig.live, wasLive, tenant)) {
        UUID userTenant = sig.user.tenantId();
        UUID wasTenant = sig.wasTenant;
        lifted =
            liftedByTenant.computeIfAbsent(
                c.tenantId(), id -> liftedDenies(sig.live, userTenant, tenant, wasLive, wasTenant));
        if (lifted != null && lifted.isEmpty()) {
          return;
        }
      }
      boolean isNew = newComputers.contains(c.id());
      Signature key;
      if (isNew) {
        key = new Signature(2, now, sig.cover(after, sig.live, tenant, sig.user.tenantId(), null));
      } else if (then != null) {
        key = new Signature(3, now, then);
      } else {
        key = null; // no computer or tenant before: asked of the engine directly
      }
      java.util.function.Function<Signature, List<Permission>> ask =
          k -> {
            List<Permission> out = new ArrayList<>();
            for (Permission p : sig.permissions(now)) {
              if (!p.system() && gainsComputer(sig.user.id(), p, c)) {
                out.add(p);
              }
            }
            return out;
          };
      List<Permission> gained = key == null ? ask.apply(null) : sig.gains.computeIfAbsent(key, ask);
      Set<Permission> ofTenant =
          changedItself ? Set.of() : sig.tenantGains.getOrDefault(c.tenantId(), Set.of());
      List<Permission> kept = new ArrayList<>(gained.size());
      for (Permission p : gained) {
        if ((lifted == null || lifted.contains(p)) && !ofTenant.contains(p)) {
          kept.add(p);
        }
      }
      if (!kept.isEmpty()) {
        record(sig, sig.gain(kept, now), "COMPUTER", c.id());
      }
    }

    /**
     * For a computer that did not change itself (its resource scopes select it exactly as before),
     * the only permissions it can newly get beyond its tenant's gains are those of tenant-level
     * denies that covered its tenant before and no longer do. Null when that cannot be told exactly
     * (a new tenant, or a tag-scoped deny on a tenant whose MSP changed).
     */
    private @Nullable Set<Permission> liftedDenies(
        List<AssignmentNode> live,
        @Nullable UUID userTenant,
        TenantNode t,
        List<AssignmentNode> wasLive,
        @Nullable UUID wasUserTenant) {
      TenantNode tb = before.tenant(t.id()).orElse(null);
      if (tb == null) {
        return null;
      }
      Set<AssignmentNode> denyingNow = new HashSet<>();
      for (AssignmentNode a : live) {
        if (a.effect() == Effect.DENY && !(a.scope() instanceof Scope.Resource)) {
          if (!exact(a.scope(), t, tb)) {
            return null;
          }
          if (mayCoverTenant(after, a.scope(), t, userTenant)) {
            denyingNow.add(a);
          }
        }
      }
      Set<Permission> out = new HashSet<>();
      for (AssignmentNode a : wasLive) {
        if (a.effect() == Effect.DENY
            && !(a.scope() instanceof Scope.Resource)
            && !denyingNow.contains(a)) {
          if (!exact(a.scope(), t, tb)) {
            return null;
          }
          if (mayCoverTenant(before, a.scope(), tb, wasUserTenant)) {
            before.role(a.roleId()).ifPresent(r -> out.addAll(r.permissions()));
          }
        }
      }
      return out;
    }

    /** Whether one of the allows is a resource scope that selects c (as it is now). */
    private static boolean resourceSelects(
        List<AssignmentNode> allows, ComputerNode c, TenantNode tenant) {
      for (AssignmentNode a : allows) {
        if (a.scope() instanceof Scope.Resource r && selects(r.selector(), c, tenant)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether the computer's tenant changed MSP while the user has an MSP-limited selector (allow
     * or deny, now or before): then its resource scopes may select it differently, so any
     * permission may be gained there (not only lifted tenant denies).
     */
    private boolean mspLimitMoved(
        List<AssignmentNode> live, List<AssignmentNode> wasLive, TenantNode tenant) {
      TenantNode was = before.tenant(tenant.id()).orElse(null);
      if (was != null && was.mspId().equals(tenant.mspId())) {
        return false;
      }
      return mspLimited(live) || mspLimited(wasLive);
    }

    private static boolean mspLimited(List<AssignmentNode> as) {
      for (AssignmentNode a : as) {
        if (a.scope() instanceof Scope.Resource(ResourceSelector sel) && mspLimit(sel) != null) {
          return true;
        }
      }
      return false;
    }

    private List<AssignmentNode> active(List<AssignmentNode> all) {
      List<AssignmentNode> out = new ArrayList<>(all.size());
      for (AssignmentNode a : all) {
        if (a.activeAt(now)) {
          out.add(a);
        }
      }
      return out;
    }

    /** Whether {@link #mayCoverTenant} is exact for this scope on t (as it is now and was). */
    private static boolean exact(Scope s, TenantNode t, TenantNode was) {
      return switch (s) {
        case Scope.Owner o -> true;
        case Scope.Msp m -> true;
        case Scope.Tenant x -> true;
        case Scope.UsersTenant u -> true;
        case Scope.Resource r -> true;
        case Scope.TenantTag g -> t.mspId().equals(was.mspId()); // an MSP limit may apply
        default -> false;
      };
    }

    /** The computers of affected tenants that are not the same node as before, by tenant. */
    private Map<UUID, List<ComputerNode>> differing() {
      if (differing == null) {
        differing = new HashMap<>();
        byTenant()
            .forEach(
                (t, cs) -> {
                  for (ComputerNode c : cs) {
                    if (!before.computer(c.id()).map(c::equals).orElse(false)) {
                      differing.computeIfAbsent(t, k -> new ArrayList<>()).add(c);
                    }
                  }
                });
      }
      return differing;
    }

    private Map<UUID, List<ComputerNode>> byTenant() {
      if (computersByTenant == null) {
        computersByTenant = new HashMap<>();
        for (int c = 0; c < after.computers.size(); c++) {
          Compiled.Computer cc = after.computers.get(c);
          if (cc != null && tenants.containsKey(cc.node().tenantId())) {
            computersByTenant
                .computeIfAbsent(cc.node().tenantId(), k -> new ArrayList<>())
                .add(cc.node());
          }
        }
      }
      return computersByTenant;
    }

    private boolean gainsComputer(UUID user, Permission p, ComputerNode c) {
      if (!engine.check(after, user, p, Target.computer(c.id()), now).allowed()) {
        return false;
      }
      if (newComputers.contains(c.id())) {
        return !engine.check(after, user, p, Target.tenant(c.tenantId()), now).allowed();
      }
      return !engine.check(before, user, p, Target.computer(c.id()), now).allowed();
    }

    /**
     * Counts the user's gains on one target and adds them to the rows of the allows they flow
     * through ({@link Gain#shares}). A user is recorded at most once per target, so a row counts
     * its users by adding one.
     */
    private void record(Signatures sig, Gain gain, String type, UUID id) {
      grants += gain.permissions().size();
      if (!sig.gaining) {
        sig.gaining = true;
        gainingUsers.add(sig.user.id());
      }
      gainedTargets.add(id);
      for (Share share : gain.shares()) {
        AssignmentNode a = share.assignment();
        RowKey k = new RowKey(a.principal(), a.id(), share.subject(), type, id);
        Row row = rows.get(k);
        if (row == null) {
          row = new Row(a.roleId(), a.scope());
          rows.put(k, row);
        }
        row.permissions.addAll(share.permissions());
        row.users++;
      }
    }

    /** Proper ancestors of t in s (walked up its parents; bounded against cycles), cached. */
    private Set<UUID> ancestors(PolicySnapshot s, TenantNode t) {
      Map<UUID, Set<UUID>> bySnapshot = ancestors.computeIfAbsent(s, x -> new HashMap<>());
      Set<UUID> known = bySnapshot.get(t.id());
      if (known != null) {
        return known;
      }
      Set<UUID> out = new HashSet<>();
      UUID cur = t.parentId();
      for (int i = 0; cur != null && i <= s.tenants.size(); i++) {
        out.add(cur);
        cur = s.tenant(cur).map(TenantNode::parentId).orElse(null);
      }
      bySnapshot.put(t.id(), out);
      return out;
    }

    /**
     * Whether the scope covers tenant t (or, when c is given, computer c of t) in snapshot s for a
     * user whose tenant there is {@code userTenant}: DESIGN §2 exactly, as the engine decides.
     */
    private boolean covers(
        PolicySnapshot s,
        Scope scope,
        TenantNode t,
        @Nullable UUID userTenant,
        @Nullable ComputerNode c) {
      return switch (scope) {
        case Scope.Owner o -> true;
        case Scope.Msp m -> t.id().equals(m.mspTenantId()) || t.mspId().equals(m.mspTenantId());
        case Scope.Tenant x ->
            t.id().equals(x.tenantId())
                || (x.includeChildren() && ancestors(s, t).contains(x.tenantId()));
        case Scope.TenantTag g ->
            t.tagIds().contains(g.tagId()) && (g.mspId() == null || t.mspId().equals(g.mspId()));
        case Scope.UsersTenant u -> t.id().equals(userTenant);
        case Scope.Resource r -> c != null && selects(r.selector(), c, t);
      };
    }

    /**
     * One user's assignments — those live after, then those live before that differ — numbered, so
     * that the set covering a target is a bit set, and the gains found per signature.
     */
    private final class Signatures {
      final UserNode user;
      final List<AssignmentNode> live;
      final List<AssignmentNode> beforeLive;
      final @Nullable UUID wasTenant;
      final List<AssignmentNode> all = new ArrayList<>();
      final Map<Signature, List<Permission>> gains = new HashMap<>();
      final Map<Signature, Gain> tenantGainsBySignature = new HashMap<>();
      final Map<UUID, Set<Permission>> tenantGains = new HashMap<>();
      boolean gaining;
      private final int[] liveIx;
      private final int[] beforeIx;
      private final BitSet allows = new BitSet();
      private final List<Set<Permission>> rolePermissions = new ArrayList<>();
      private final Map<BitSet, Set<Permission>> permissions = new HashMap<>();

      Signatures(
          UserNode user,
          List<AssignmentNode> live,
          List<AssignmentNode> beforeLive,
          @Nullable UUID wasTenant) {
        this.user = user;
        this.live = live;
        this.beforeLive = beforeLive;
        this.wasTenant = wasTenant;
        Map<AssignmentNode, Integer> index = new HashMap<>();
        liveIx = number(live, index);
        beforeIx = number(beforeLive, index);
      }

      private int[] number(List<AssignmentNode> list, Map<AssignmentNode, Integer> index) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
          AssignmentNode a = list.get(i);
          Integer known = index.get(a);
          if (known == null) {
            known = all.size();
            index.put(a, known);
            all.add(a);
            Set<Permission> ps = after.role(a.roleId()).map(RoleNode::permissions).orElse(null);
            rolePermissions.add(ps == null ? Set.of() : ps);
            if (a.effect() == Effect.ALLOW && ps != null && list == live) {
              allows.set(known);
            }
          }
          out[i] = known;
        }
        return out;
      }

      /** The assignments of {@code list} (live or beforeLive) covering the target in s. */
      BitSet cover(
          PolicySnapshot s,
          List<AssignmentNode> list,
          TenantNode t,
          @Nullable UUID userTenant,
          @Nullable ComputerNode c) {
        int[] ix = list == live ? liveIx : beforeIx;
        BitSet out = new BitSet(all.size());
        for (int i = 0; i < ix.length; i++) {
          if (covers(s, list.get(i).scope(), t, userTenant, c)) {
            out.set(ix[i]);
          }
        }
        return out;
      }

      boolean anyAllow(BitSet cover) {
        return cover.intersects(allows);
      }

      /**
       * The gained permissions and the rows they go to: per allow covering the target ({@code
       * cover}, exact) and permission subject, the gained permissions its role holds — the allows
       * {@link Engine#explain} would name, as a gain is allowed, so no deny matched.
       */
      Gain gain(List<Permission> gained, BitSet cover) {
        Set<Permission> all = java.util.EnumSet.noneOf(Permission.class);
        all.addAll(gained);
        List<Share> shares = new ArrayList<>();
        for (int i = cover.nextSetBit(0); i >= 0; i = cover.nextSetBit(i + 1)) {
          if (!allows.get(i)) {
            continue;
          }
          Map<PermissionSubject, Set<Permission>> bySubject =
              new java.util.EnumMap<>(PermissionSubject.class);
          for (Permission p : gained) {
            if (holds(i, p)) {
              bySubject
                  .computeIfAbsent(p.subject(), x -> java.util.EnumSet.noneOf(Permission.class))
                  .add(p);
            }
          }
          AssignmentNode a = all(i);
          bySubject.forEach((subject, ps) -> shares.add(new Share(a, subject, ps)));
        }
        return new Gain(all, shares);
      }

      private AssignmentNode all(int i) {
        return this.all.get(i);
      }

      /** Whether the role (after) of assignment i holds p. */
      boolean holds(int i, Permission p) {
        return rolePermissions.get(i).contains(p);
      }

      /** The permissions of the allows in {@code cover} (roles as after). */
      Set<Permission> permissions(BitSet cover) {
        return permissions.computeIfAbsent(
            cover,
            k -> {
              Set<Permission> out = java.util.EnumSet.noneOf(Permission.class);
              for (int i = k.nextSetBit(0); i >= 0; i = k.nextSetBit(i + 1)) {
                if (allows.get(i)) {
                  out.addAll(rolePermissions.get(i));
                }
              }
              return out;
            });
      }
    }

    Result result() {
      List<AccessGain> out = new ArrayList<>(rows.size());
      Set<UUID> assignments = new HashSet<>();
      rows.keySet().forEach(k -> assignments.add(k.assignmentId()));
      Map<UUID, String> scopes = new HashMap<>();
      rows.forEach(
          (k, r) ->
              out.add(
                  new AccessGain(
                      k.principal() instanceof Principal.GroupPrincipal ? "GROUP" : "USER",
                      k.principal().id(),
                      k.assignmentId(),
                      r.roleId,
                      scopes.computeIfAbsent(k.assignmentId(), x -> scopeText(r.scope)),
                      k.subject(),
                      k.targetType(),
                      k.targetId(),
                      newTenants.contains(k.targetId()) || newComputers.contains(k.targetId()),
                      r.keys(),
                      r.users)));
      return new Result(
          AccessChangeList.of(out, grants, gainingUsers.size(), gainedTargets.size()), assignments);
    }

    private static List<AssignmentNode> assignmentsOf(PolicySnapshot s, UUID user) {
      List<AssignmentNode> out = new ArrayList<>(s.directAssignments(user));
      for (GroupNode g : s.groupsOf(user)) {
        out.addAll(s.groupAssignments(g.id()));
      }
      return out;
    }

    /**
     * Whether the scope may cover tenant t in snapshot s: never false when it does (limits this
     * does not model only make it say true more often; the engine decides in the end).
     */
    private static boolean mayCoverTenant(
        PolicySnapshot snapshot, Scope s, TenantNode t, @Nullable UUID userTenant) {
      return switch (s) {
        case Scope.Owner o -> true;
        case Scope.Msp m -> t.id().equals(m.mspTenantId()) || t.mspId().equals(m.mspTenantId());
        case Scope.Tenant x ->
            t.id().equals(x.tenantId())
                || (x.includeChildren() && underAny(snapshot, t, Set.of(x.tenantId())));
        case Scope.TenantTag g -> t.tagIds().contains(g.tagId());
        case Scope.UsersTenant u -> t.id().equals(userTenant);
        case Scope.Resource r -> false;
        default -> true;
      };
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

  /** The selector picks c, whose tenant (as the same snapshot has it) is t. */
  static boolean selects(ResourceSelector sel, ComputerNode c, TenantNode t) {
    return TenantGrants.selects(sel, c.id(), c.tenantId(), t.mspId(), c.type(), c.tagIds());
  }

  static @Nullable UUID mspLimit(ResourceSelector sel) {
    return switch (sel) {
      case ResourceSelector.ComputerTag t -> t.mspId();
      case ResourceSelector.ComputerTypes t -> t.mspId();
      case ResourceSelector.OneComputer o -> null;
    };
  }

  private static String limitText(@Nullable UUID tenant, @Nullable UUID msp) {
    return tenant != null ? ", tenant " + tenant : msp != null ? ", msp " + msp : "";
  }

  /** Whether a proper ancestor of t (in s) is one of {@code roots}; bounded against cycles. */
  static boolean underAny(PolicySnapshot s, TenantNode t, Set<UUID> roots) {
    UUID cur = t.parentId();
    for (int i = 0; cur != null && i <= s.tenants.size(); i++) {
      if (roots.contains(cur)) {
        return true;
      }
      cur = s.tenant(cur).map(TenantNode::parentId).orElse(null);
    }
    return false;
  }

  private record TenantPermission(UUID tenant, Permission permission) {}

  /**
   * Which assignments cover a target after ({@code now}) and in its baseline ({@code then}); kind:
   * 0 a tenant (baseline: before), 1 a new tenant (baseline: untagged), 2 a new computer (then: its
   * tenant's cover after), 3 a computer (then: its cover before).
   */
  private record Signature(int kind, BitSet now, BitSet then) {}

  private record RowKey(
      Principal principal,
      UUID assignmentId,
      PermissionSubject subject,
      String targetType,
      UUID targetId) {}

  /** What one user gains on one target: the permissions, and per row (allow, subject) its share. */
  private record Gain(Set<Permission> permissions, List<Share> shares) {}

  private record Share(
      AssignmentNode assignment, PermissionSubject subject, Set<Permission> permissions) {}

  private static final class Row {
    final UUID roleId;
    final Scope scope;
    final Set<Permission> permissions = java.util.EnumSet.noneOf(Permission.class);
    int users;

    Row(UUID roleId, Scope scope) {
      this.roleId = roleId;
      this.scope = scope;
    }

    List<String> keys() {
      TreeSet<String> out = new TreeSet<>();
      permissions.forEach(p -> out.add(p.key()));
      return List.copyOf(out);
    }
  }
}
