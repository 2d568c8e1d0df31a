package dev.tenantry.authz.engine;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.AccessGain;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionSubject;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    private final Map<RowKey, Row> rows = new HashMap<>();
    private final Set<UUID> gainingUsers = new HashSet<>();
    private final Set<UUID> gainedTargets = new HashSet<>();
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
      List<AssignmentNode> wasLive =
          sameUser ? active(assignmentsOf(before, user.id())) : List.of();
      Set<TenantPermission> tenantGains = new HashSet<>();
      Map<UUID, @Nullable Set<Permission>> liftedByTenant = new HashMap<>();
      for (TenantNode t : tenants.values()) {
        if (sameUser
            && unchanged(
                live, user.tenantId(), t, wasLive, was.tenantId(), before.tenant(t.id()))) {
          continue; // the same assignments cover it, so every decision is the same
        }
        Set<Permission> perms = new LinkedHashSet<>();
        List<AssignmentNode> cover = new ArrayList<>();
        for (AssignmentNode a : allows) {
          if (mayCoverTenant(after, a.scope(), t, user.tenantId())) {
            perms.addAll(after.role(a.roleId()).orElseThrow().permissions());
            cover.add(a);
          }
        }
        for (Permission p : perms) {
          if (!p.system() && gainsTenant(user.id(), p, t.id())) {
            tenantGains.add(new TenantPermission(t.id(), p));
            record(user.id(), p, Target.tenant(t.id()), "TENANT", t.id(), exactly(cover, t));
          }
        }
      }
      for (ComputerNode c : computersToExamine(resource)) {
        boolean changedItself = computers.containsKey(c.id());
        TenantNode tenant = after.tenant(c.tenantId()).orElse(null);
        if (tenant == null) {
          continue;
        }
        if (!changedItself && !resourceSelects(allows, c, tenant)) {
          continue; // its access is its tenant's, already decided on the tenant row
        }
        if (sameUser && unchanged(live, user.tenantId(), c, tenant, wasLive, was.tenantId())) {
          continue;
        }
        Set<Permission> lifted = null; // null: any permission may be gained here
        if (!changedItself && sameUser && !mspLimitMoved(live, wasLive, tenant)) {
          lifted =
              liftedByTenant.computeIfAbsent(
                  c.tenantId(),
                  id -> liftedDenies(live, user.tenantId(), tenant, wasLive, was.tenantId()));
          if (lifted != null && lifted.isEmpty()) {
            continue; // its resource grants and its tenant's denies are what they were
          }
        }
        Set<Permission> perms = new LinkedHashSet<>();
        List<AssignmentNode> cover = new ArrayList<>();
        for (AssignmentNode a : allows) {
          if (mayCoverComputer(after, a.scope(), c, tenant, user.tenantId())) {
            perms.addAll(after.role(a.roleId()).orElseThrow().permissions());
            cover.add(a);
          }
        }
        if (lifted != null) {
          perms.retainAll(lifted);
        }
        for (Permission p : perms) {
          if (p.system()
              || (!changedItself && tenantGains.contains(new TenantPermission(c.tenantId(), p)))) {
            continue;
          }
          if (gainsComputer(user.id(), p, c, changedItself)) {
            record(
                user.id(), p, Target.computer(c.id()), "COMPUTER", c.id(), exactly(cover, tenant));
          }
        }
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

    /**
     * Whether exactly the same assignments (allow and deny, compared whole) cover tenant t before
     * and after, judged exactly: then no decision on t changed. False for a new tenant, and when a
     * tag scope covers a tenant whose MSP changed (a scope limit this class may not model).
     */
    private boolean unchanged(
        List<AssignmentNode> live,
        @Nullable UUID userTenant,
        TenantNode t,
        List<AssignmentNode> wasLive,
        @Nullable UUID wasUserTenant,
        java.util.Optional<TenantNode> wasTenant) {
      if (wasTenant.isEmpty()) {
        return false;
      }
      TenantNode tb = wasTenant.get();
      Set<AssignmentNode> now = new HashSet<>();
      for (AssignmentNode a : live) {
        if (!exact(a.scope(), t, tb)) {
          return false;
        }
        if (mayCoverTenant(after, a.scope(), t, userTenant)) {
          now.add(a);
        }
      }
      Set<AssignmentNode> then = new HashSet<>();
      for (AssignmentNode a : wasLive) {
        if (!exact(a.scope(), t, tb)) {
          return false;
        }
        if (mayCoverTenant(before, a.scope(), tb, wasUserTenant)) {
          then.add(a);
        }
      }
      return now.equals(then);
    }

    /** {@link #unchanged} for a computer (which must have existed before). */
    private boolean unchanged(
        List<AssignmentNode> live,
        @Nullable UUID userTenant,
        ComputerNode c,
        TenantNode t,
        List<AssignmentNode> wasLive,
        @Nullable UUID wasUserTenant) {
      ComputerNode cb = before.computer(c.id()).orElse(null);
      TenantNode tb = cb == null ? null : before.tenant(cb.tenantId()).orElse(null);
      if (tb == null) {
        return false;
      }
      Set<AssignmentNode> now = new HashSet<>();
      for (AssignmentNode a : live) {
        if (!exact(a.scope(), t, tb)) {
          return false;
        }
        if (mayCoverComputer(after, a.scope(), c, t, userTenant)) {
          now.add(a);
        }
      }
      Set<AssignmentNode> then = new HashSet<>();
      for (AssignmentNode a : wasLive) {
        if (!exact(a.scope(), t, tb)) {
          return false;
        }
        if (mayCoverComputer(before, a.scope(), cb, tb, wasUserTenant)) {
          then.add(a);
        }
      }
      return now.equals(then);
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

    private List<ComputerNode> computersToExamine(boolean userHasResourceScopes) {
      List<ComputerNode> out = new ArrayList<>(computers.values());
      if (userHasResourceScopes) {
        for (UUID t : tenants.keySet()) {
          for (ComputerNode c : byTenant().getOrDefault(t, List.of())) {
            if (!computers.containsKey(c.id())) {
              out.add(c);
            }
          }
        }
      }
      return out;
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

    private boolean gainsTenant(UUID user, Permission p, UUID tenant) {
      Target t = Target.tenant(tenant);
      if (!engine.check(after, user, p, t, now).allowed()) {
        return false;
      }
      PolicySnapshot was = newTenants.contains(tenant) ? baseline : before;
      return !engine.check(was, user, p, t, now).allowed();
    }

    private boolean gainsComputer(UUID user, Permission p, ComputerNode c, boolean changedItself) {
      if (!engine.check(after, user, p, Target.computer(c.id()), now).allowed()) {
        return false;
      }
      if (newComputers.contains(c.id())) {
        return !engine.check(after, user, p, Target.tenant(c.tenantId()), now).allowed();
      }
      return !engine.check(before, user, p, Target.computer(c.id()), now).allowed();
    }

    /**
     * {@code cover} when it is exactly the allows that match there (no scope whose coverage this
     * class may over-state), else null: then {@link #record} asks {@link Engine#explain}.
     */
    private static @Nullable List<AssignmentNode> exactly(
        List<AssignmentNode> cover, TenantNode t) {
      for (AssignmentNode a : cover) {
        if (a.scope() instanceof Scope.TenantTag || !exact(a.scope(), t, t)) {
          return null;
        }
      }
      return cover;
    }

    /**
     * Counts the gain and adds it to the rows of the allows it flows through: those of {@code
     * cover} whose role holds p (a gain is allowed, so no deny matched), or, when cover is null,
     * the allows {@link Engine#explain} names.
     */
    private void record(
        UUID user,
        Permission p,
        Target target,
        String type,
        UUID id,
        @Nullable List<AssignmentNode> cover) {
      grants++;
      gainingUsers.add(user);
      gainedTargets.add(id);
      if (cover != null) {
        for (AssignmentNode a : cover) {
          if (after.role(a.roleId()).orElseThrow().permissions().contains(p)) {
            RowKey k = new RowKey(a.principal(), a.id(), p.subject(), type, id);
            rows.computeIfAbsent(k, x -> new Row(a.roleId(), a.scope())).add(user, p);
          }
        }
        return;
      }
      for (MatchedAssignment m : engine.explain(after, user, p, target, now).matches()) {
        if (m.effect() != Effect.ALLOW) {
          continue;
        }
        Principal principal =
            m.viaGroupId() == null ? Principal.user(user) : Principal.group(m.viaGroupId());
        RowKey k = new RowKey(principal, m.assignmentId(), p.subject(), type, id);
        rows.computeIfAbsent(k, x -> new Row(m.roleId(), m.scope())).add(user, p);
      }
    }

    Result result() {
      List<AccessGain> out = new ArrayList<>(rows.size());
      Set<UUID> assignments = new HashSet<>();
      rows.keySet().forEach(k -> assignments.add(k.assignmentId()));
      rows.forEach(
          (k, r) ->
              out.add(
                  new AccessGain(
                      k.principal() instanceof Principal.GroupPrincipal ? "GROUP" : "USER",
                      k.principal().id(),
                      k.assignmentId(),
                      r.roleId,
                      scopeText(r.scope),
                      k.subject(),
                      k.targetType(),
                      k.targetId(),
                      newTenants.contains(k.targetId()) || newComputers.contains(k.targetId()),
                      List.copyOf(r.permissions),
                      r.users.size())));
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

    private static boolean mayCoverComputer(
        PolicySnapshot s, Scope scope, ComputerNode c, TenantNode t, @Nullable UUID userTenant) {
      if (scope instanceof Scope.Resource r) {
        return selects(r.selector(), c, t);
      }
      return mayCoverTenant(s, scope, t, userTenant);
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

  private record RowKey(
      Principal principal,
      UUID assignmentId,
      PermissionSubject subject,
      String targetType,
      UUID targetId) {}

  private static final class Row {
    final UUID roleId;
    final Scope scope;
    final TreeSet<String> permissions = new TreeSet<>();
    final Set<UUID> users = new HashSet<>();

    Row(UUID roleId, Scope scope) {
      this.roleId = roleId;
      this.scope = scope;
    }

    void add(UUID user, Permission p) {
      users.add(user);
      permissions.add(p.key());
    }
  }
}
