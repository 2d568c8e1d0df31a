package dev.tenantry.authz.access;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.UserStanding;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantGrants;
import dev.tenantry.authz.internal.PolicyStore;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The one way features ask "may the current user do this?" (DESIGN §3), over this node's policy
 * snapshot; checks never touch the database. The current user is {@code Actors.current().userId()};
 * a caller without a user (an identity that only requested access, or the system actor) is denied
 * everything.
 */
@Service
public class Authorizer {
  private final PolicyStore store;
  private final Engine engine = Engine.INSTANCE;
  private final AntiEscalation antiEscalation = new AntiEscalation(Engine.INSTANCE);
  private final Clock clock;
  private final VisibleTenantSets storedSets;
  private final GrantCache grantCache = new GrantCache();

  Authorizer(PolicyStore store, VisibleTenantSets storedSets) {
    this.store = store;
    this.storedSets = storedSets;
    this.clock = Clock.systemUTC();
  }

  public Decision check(Permission permission, Target target) {
    UUID user = Actors.current().userId(); // no Optional/lambda: this runs for every request
    return user == null ? Decision.of(DecisionRule.UNKNOWN_USER) : check(user, permission, target);
  }

  /** The decision for any user (Check Access, anti-escalation). */
  public Decision check(UUID userId, Permission permission, Target target) {
    if (store.stale()) {
      // A lagging node must not answer from its snapshot (a revocation may be missing): catch up,
      // waiting boundedly, else 503 with Retry-After.
      store.awaitFresh();
    }
    Decision d = engine.check(store.snapshot(), userId, permission, target, clock.instant());
    if (d.rule() == DecisionRule.UNKNOWN_TARGET || d.rule() == DecisionRule.UNKNOWN_USER) {
      // Read-your-writes for objects created elsewhere (another node, or SQL outside this node's
      // transactions) that NOTIFY has not brought here yet: catch up once and decide again.
      store.catchUp();
      d = engine.check(store.snapshot(), userId, permission, target, clock.instant());
    }
    return d;
  }

  /** Throws FORBIDDEN naming the permission unless the current user holds it on the target. */
  public void require(Permission permission, Target target) {
    if (!check(permission, target).allowed()) {
      throw ApiException.forbidden(
          "You need the permission '"
              + permission.key()
              + "' ("
              + permission.displayName()
              + ") "
              + describe(target)
              + " to do this");
    }
  }

  /**
   * Throws NOT_FOUND, exactly like a missing object, unless the current user may view the target:
   * objects of tenants the caller cannot see do not exist for them.
   */
  public void requireVisible(Permission viewPermission, Target target, String what, Object id) {
    if (!check(viewPermission, target).allowed()) {
      throw ApiException.notFound(what, id);
    }
  }

  /**
   * The user's standing (enabled, access expiry) in this node's snapshot, so that the request path
   * revalidates the caller without a query; empty when the snapshot does not know the user (yet).
   */
  public Optional<UserStanding> standing(UUID userId) {
    var user = store.snapshot().user(userId);
    return user.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new UserStanding(
                user.get().enabled(), user.get().accessExpiresAt(), user.get().tenantId() != null));
  }

  /** The tenant of the user's person in this node's snapshot; empty when unknown (or gone). */
  public Optional<UUID> tenantOfUser(UUID userId) {
    var user = store.snapshot().user(userId);
    return user.isEmpty() ? Optional.empty() : Optional.ofNullable(user.get().tenantId());
  }

  /**
   * Where the current user holds the permission, as a filter for SQL (large sets stored). The
   * grants and the stored set's id are remembered per policy snapshot and user ({@link
   * GrantCache}).
   */
  public TenantFilter tenants(Permission permission) {
    GrantCache.Entry e = cachedGrants(permission);
    if (e == null) {
      return TenantFilter.nothing();
    }
    TenantGrants g = e.grants;
    return g.allTenants()
        ? TenantFilter.everythingFilter()
        : new TenantFilter(false, g.tenantIds(), e.storedSetId(storedSets));
  }

  /** Which computers the current user may act on with the permission, as a filter for SQL. */
  public ComputerFilter computers(Permission permission) {
    GrantCache.Entry e = cachedGrants(permission);
    if (e == null) {
      return new ComputerFilter(TenantGrants.nothing());
    }
    return new ComputerFilter(e.grants, e.storedSetId(storedSets));
  }

  /** The current user's grants from the per-revision cache; null for a caller without a user. */
  private GrantCache.@Nullable Entry cachedGrants(Permission permission) {
    UUID user = Actors.current().userId();
    if (user == null) {
      return null;
    }
    if (store.stale()) {
      store.awaitFresh();
    }
    PolicySnapshot s = store.snapshot();
    Instant now = clock.instant();
    return grantCache.get(
        s, user, permission, now, () -> engine.tenantsWith(s, user, permission, now));
  }

  /**
   * {@link #tenants} for the given tenants only (the same answer for each of them), without
   * visiting every tenant: for counts and details of a few tenants.
   */
  public TenantFilter tenantsWithin(Permission permission, Collection<UUID> tenants) {
    TenantGrants g = grantsWithin(permission, tenants);
    return g.allTenants()
        ? TenantFilter.everythingFilter()
        : new TenantFilter(false, g.tenantIds());
  }

  /** {@link #computers} for computers of the given tenants only. */
  public ComputerFilter computersWithin(Permission permission, Collection<UUID> tenants) {
    return new ComputerFilter(grantsWithin(permission, tenants));
  }

  private TenantGrants grantsWithin(Permission permission, Collection<UUID> tenants) {
    UUID user = Actors.current().userId();
    if (user == null) {
      return TenantGrants.nothing();
    }
    if (store.stale()) {
      store.awaitFresh();
    }
    return engine.tenantsWith(store.snapshot(), user, permission, clock.instant(), tenants);
  }

  /** Where the current user holds the permission: tenants and resource selectors, after denies. */
  public TenantGrants grants(Permission permission) {
    UUID user = Actors.current().userId();
    return user == null ? TenantGrants.nothing() : grants(user, permission);
  }

  public TenantGrants grants(UUID userId, Permission permission) {
    if (store.stale()) {
      store.awaitFresh();
    }
    PolicySnapshot s = store.snapshot();
    Instant now = clock.instant();
    return grantCache.get(
            s, userId, permission, now, () -> engine.tenantsWith(s, userId, permission, now))
        .grants;
  }

  public Explanation explain(UUID userId, Permission permission, Target target) {
    return engine.explain(store.snapshot(), userId, permission, target, clock.instant());
  }

  /** True when the request has a Tenantry user (not just a signed-in identity without access). */
  public boolean isSignedInUser() {
    return Actors.current().userId() != null;
  }

  public Optional<UUID> currentUserId() {
    return Optional.ofNullable(Actors.current().userId());
  }

  /** The current user's id; FORBIDDEN when the caller has no user. */
  public UUID requireUser() {
    return currentUserId()
        .orElseThrow(
            () -> ApiException.forbidden("You have no Tenantry user; request access first"));
  }

  /**
   * The snapshot checks run against now (for anti-escalation and explanations that need several
   * lookups).
   */
  public PolicySnapshot snapshot() {
    return store.snapshot();
  }

  /** This node reflects every committed transaction with a PostgreSQL transaction id below this. */
  public long revision() {
    return store.revision();
  }

  /**
   * For a statement the caller runs anyway (the console's session check, once per page): an SQL
   * boolean expression, true when a policy change at or above this node's watermark is committed.
   * Its one parameter is {@link #revision()} read before the statement (as a string); hand the
   * answer to {@link #caughtUpUnless}. Every transaction that committed after the watermark's
   * snapshot has an id at or above it, so {@code false} proves that this node has applied
   * everything committed before the statement (as in {@code CatchUpAfterCommit}).
   *
   * <p>Asked as "the newest change is at or above the watermark" ({@code max}: one step down the
   * {@code xid} index from its end), not as {@code exists (… where xid >= ?)}: the driver prepares
   * the statement on the server, whose generic plan for an unknown bound scanned the whole feed
   * table — 0.46 ms of PostgreSQL per page with 5,000 feed rows, growing with the feed.
   */
  public static final String BEHIND_SQL =
      "coalesce((select max(xid) from policy_change) >= (?::text)::xid8, false)";

  /**
   * Catches up when {@link #BEHIND_SQL} answered true, so the request goes on from a current
   * snapshot.
   */
  public void caughtUpUnless(boolean behind) {
    if (behind) {
      store.catchUp();
    }
  }

  /** True once this node has applied the write that answered {@code X-Policy-Revision: xid}. */
  public boolean hasApplied(long xid) {
    return store.hasApplied(xid);
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  /** Whether the user exists in this node's policy (catching up once if not yet). */
  public boolean userExists(UUID userId) {
    if (store.snapshot().user(userId).isPresent()) {
      return true;
    }
    store.catchUp();
    return store.snapshot().user(userId).isPresent();
  }

  public boolean roleExists(UUID roleId) {
    return store.snapshot().role(roleId).isPresent();
  }

  /** Whether the current user holds the permission on anything at all (menus, buttons). */
  public boolean holdsAnywhere(Permission permission) {
    UUID user = Actors.current().userId();
    return user != null && holdsAnywhere(user, permission);
  }

  /**
   * Whether the user holds the permission on anything at all (a tenant, a computer, the system).
   */
  public boolean holdsAnywhere(UUID userId, Permission permission) {
    if (store.stale()) {
      store.awaitFresh();
    }
    return engine.holdsAnywhere(store.snapshot(), userId, permission, clock.instant());
  }

  /**
   * Anti-escalation (DESIGN §3.6 a–c, e–f): may {@code actorId} grant {@code roleId} at the scope
   * to the principal, with this effect?
   */
  public Decision canAssign(
      UUID actorId,
      dev.tenantry.authz.Principal principal,
      UUID roleId,
      dev.tenantry.authz.Scope scope,
      dev.tenantry.authz.Effect effect) {
    return antiEscalation.canAssign(
        store.snapshot(), actorId, principal, roleId, scope, effect, clock.instant());
  }

  private static String describe(Target target) {
    return switch (target) {
      case Target.SystemTarget s -> "for the whole instance";
      case Target.TenantTarget t -> "on tenant " + t.tenantId();
      case Target.ComputerTarget c -> "on computer " + c.computerId();
      case Target.ObjectTarget o ->
          o.global() ? "on shared (global) objects" : "on tenant " + o.ownerTenantId();
    };
  }
}
