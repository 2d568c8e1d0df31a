package dev.tenantry.authz.engine;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.Reach.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Does a user hold a permission over a whole {@link Reach} (DESIGN §3.6c, e, f), and until when?
 * Judged per assignment of the user, never per covered object: an ALLOW supports the reach when its
 * scope contains the reach for good (OWNER anything; MSP(m) what lies in m; TENANT(t, children)
 * what lies in t's subtree), or — for a single tenant or computer — when it names it (TENANT(t),
 * the actor's USERS_TENANT) or, for one computer only, covers it today (a tenant tag, a selector);
 * a DENY of the permission defeats it when its scope can ever meet the reach.
 */
final class ReachSupport {
  private ReachSupport() {}

  /** Never-expiring support. */
  static final Instant FOREVER = Instant.MAX;

  /**
   * The latest instant until which the user holds p over the reach (the latest-expiring supporting
   * ALLOW, capped by the user's own access expiry; {@link #FOREVER} when neither expires), or empty
   * when the user does not hold it (inactive, no supporting ALLOW, or a DENY that meets the reach).
   */
  static Optional<Instant> until(
      PolicySnapshot s, UUID userId, Permission p, Reach reach, Instant now) {
    Optional<UserNode> user = s.user(userId);
    if (user.isEmpty() || !user.get().activeAt(now)) {
      return Optional.empty();
    }
    UUID home = user.get().tenantId();
    Instant best = null;
    for (AssignmentNode a : assignmentsOf(s, userId)) {
      if (!a.activeAt(now) || !roleHolds(s, a.roleId(), p)) {
        continue;
      }
      if (a.effect() == Effect.DENY) {
        if (p.system() || meets(s, a.scope(), home, reach)) {
          return Optional.empty();
        }
      } else if (p.system() || contains(s, a.scope(), home, reach)) {
        Instant end = a.expiresAt() == null ? FOREVER : a.expiresAt();
        best = best == null || end.isAfter(best) ? end : best;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Instant access = user.get().accessExpiresAt();
    return Optional.of(access != null && access.isBefore(best) ? access : best);
  }

  /** The user's direct assignments and those of every group they belong to (§3.2). */
  static List<AssignmentNode> assignmentsOf(PolicySnapshot s, UUID userId) {
    List<AssignmentNode> out = new ArrayList<>(s.directAssignments(userId));
    for (GroupNode g : s.groupsOf(userId)) {
      out.addAll(s.groupAssignments(g.id()));
    }
    return out;
  }

  static boolean roleHolds(PolicySnapshot s, UUID roleId, Permission p) {
    return s.role(roleId).map(r -> r.permissions().contains(p)).orElse(false);
  }

  /** An ALLOW at {@code scope} (of a user whose tenant is {@code home}) covers the whole reach. */
  static boolean contains(PolicySnapshot s, Scope scope, @Nullable UUID home, Reach r) {
    if (scope instanceof Scope.Owner) {
      return true;
    }
    if (r.kind() == Kind.ALL) {
      return false;
    }
    UUID id = r.id();
    if (r.kind() == Kind.MSP) {
      return scope instanceof Scope.Msp(UUID m) && m.equals(id);
    }
    if (r.kind() == Kind.SUBTREE) {
      return switch (scope) {
        case Scope.Msp(UUID m) -> inMsp(s, id, m) && wholeSubtreeInMsp(s, id, m);
        case Scope.Tenant(UUID t, boolean children) -> children && atOrUnder(s, t, id);
        default -> false;
      };
    }
    // a single tenant's things, or one computer: also a scope naming its tenant; one computer also
    // by a tag or selector covering it today (untagging it takes the actor's support away)
    UUID tenant =
        r.kind() == Kind.COMPUTER ? s.computer(id).map(ComputerNode::tenantId).orElse(null) : id;
    if (tenant == null) {
      return false;
    }
    return switch (scope) {
      case Scope.Msp(UUID m) -> inMsp(s, tenant, m);
      case Scope.Tenant(UUID t, boolean children) ->
          t.equals(tenant) || (children && atOrUnder(s, t, tenant));
      case Scope.TenantTag(UUID g, UUID m) ->
          // one computer only: a tenant's reach holds computers created in it later, which the tag
          // scope no longer covers once the tenant is untagged
          r.kind() == Kind.COMPUTER
              && s.tenant(tenant)
                  .map(n -> n.tagIds().contains(g) && (m == null || inMsp(s, tenant, m)))
                  .orElse(false);
      case Scope.UsersTenant u -> tenant.equals(home);
      case Scope.Resource(ResourceSelector sel) ->
          r.kind() == Kind.COMPUTER && s.computer(id).map(c -> selects(s, sel, c)).orElse(false);
      case Scope.Owner o -> true;
    };
  }

  /**
   * A DENY at {@code scope} can cover something of the reach, now or later (DESIGN §3.6e: the deny
   * is judged by its reach too, never by what it covers today). A tenant tag DENY meets every reach
   * that holds, or will hold, a tenant of its MSP (of any MSP without a limit): any such tenant can
   * be tagged, or created with the tag, later, and a grant judged by today's tags would then give
   * what the actor is denied. A computer tag or type selector meets every reach with a computer its
   * limits admit, whatever its tags or type today.
   */
  static boolean meets(PolicySnapshot s, Scope scope, @Nullable UUID home, Reach r) {
    if (scope instanceof Scope.Owner || r.kind() == Kind.ALL) {
      return true;
    }
    if (r.kind() == Kind.COMPUTER) {
      ComputerNode c = s.computer(r.id()).orElse(null);
      return c != null && canCoverComputer(s, scope, home, c);
    }
    return switch (scope) {
      case Scope.Msp(UUID m) -> anyTenantIn(s, r, x -> x.id().equals(m) || x.mspId().equals(m));
      case Scope.Tenant(UUID t, boolean children) ->
          anyTenantIn(s, r, x -> x.id().equals(t) || (children && atOrUnder(s, t, x.id())));
      case Scope.TenantTag(UUID g, UUID m) ->
          m == null || anyTenantIn(s, r, x -> x.id().equals(m) || x.mspId().equals(m));
      case Scope.UsersTenant u -> home != null && anyTenantIn(s, r, x -> x.id().equals(home));
      case Scope.Resource(ResourceSelector sel) ->
          switch (sel) {
            case ResourceSelector.OneComputer(UUID c) ->
                s.computer(c)
                    .map(n -> anyTenantIn(s, r, x -> x.id().equals(n.tenantId())))
                    .orElse(false);
            case ResourceSelector.ComputerTag(UUID g, UUID limit, UUID msp) ->
                limitMeets(s, limit, msp, r);
            case ResourceSelector.ComputerTypes(var types, UUID limit, UUID msp) ->
                limitMeets(s, limit, msp, r);
          };
      case Scope.Owner o -> true;
    };
  }

  private static boolean limitMeets(
      PolicySnapshot s, @Nullable UUID limit, @Nullable UUID msp, Reach r) {
    if (limit != null) {
      return anyTenantIn(s, r, x -> x.id().equals(limit));
    }
    return msp == null || anyTenantIn(s, r, x -> x.id().equals(msp) || x.mspId().equals(msp));
  }

  /** The selector picks computer c as the snapshot is now (its tenant's MSP included). */
  static boolean selects(PolicySnapshot s, ResourceSelector sel, ComputerNode c) {
    UUID msp = s.tenant(c.tenantId()).map(TenantNode::mspId).orElse(null);
    return TenantGrants.selects(sel, c.id(), c.tenantId(), msp, c.type(), c.tagIds());
  }

  /**
   * A DENY at {@code scope} covers computer c now or after c or its tenant is tagged, or c changes
   * type: tag and type are ignored, only the tenant and MSP limits count. Scopes that name tenants
   * (MSP, TENANT, USERS_TENANT) cover it as the tree is now (moving c or its tenant is a structural
   * change of §3.10, not growth).
   */
  private static boolean canCoverComputer(
      PolicySnapshot s, Scope scope, @Nullable UUID home, ComputerNode c) {
    UUID tenant = c.tenantId();
    return switch (scope) {
      case Scope.TenantTag(UUID g, UUID m) -> m == null || inMsp(s, tenant, m);
      case Scope.Resource(ResourceSelector.OneComputer(UUID id)) -> id.equals(c.id());
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID limit, UUID msp)) ->
          admits(s, limit, msp, tenant);
      case Scope.Resource(ResourceSelector.ComputerTypes(var types, UUID limit, UUID msp)) ->
          admits(s, limit, msp, tenant);
      default -> contains(s, scope, home, new Reach(Kind.TENANT, tenant));
    };
  }

  /** A selector's tenant and MSP limits admit computers of the tenant. */
  private static boolean admits(
      PolicySnapshot s, @Nullable UUID limit, @Nullable UUID msp, UUID tenant) {
    return (limit == null || limit.equals(tenant)) && (msp == null || inMsp(s, tenant, msp));
  }

  /** Some tenant of the reach (today) satisfies the test; a reach of one computer: its tenant. */
  private static boolean anyTenantIn(
      PolicySnapshot s, Reach r, java.util.function.Predicate<TenantNode> test) {
    return switch (r.kind()) {
      case ALL -> true;
      case TENANT, TENANT_COMPUTERS -> s.tenant(r.id()).map(test::test).orElse(false);
      case COMPUTER ->
          s.computer(r.id()).flatMap(c -> s.tenant(c.tenantId())).map(test::test).orElse(false);
      case SUBTREE -> {
        for (TenantNode x : s.tenants()) {
          if (atOrUnder(s, r.id(), x.id()) && test.test(x)) {
            yield true;
          }
        }
        yield false;
      }
      case MSP -> {
        for (TenantNode x : s.tenants()) {
          if ((x.id().equals(r.id()) || x.mspId().equals(r.id())) && test.test(x)) {
            yield true;
          }
        }
        yield false;
      }
    };
  }

  static boolean inMsp(PolicySnapshot s, UUID tenant, UUID m) {
    return tenant.equals(m) || s.tenant(tenant).map(t -> t.mspId().equals(m)).orElse(false);
  }

  /** Every tenant under t belongs to MSP m (no other MSP's tree hangs below it). */
  private static boolean wholeSubtreeInMsp(PolicySnapshot s, UUID t, UUID m) {
    for (TenantNode x : s.tenants()) {
      if (!x.mspId().equals(m) && !x.id().equals(m) && atOrUnder(s, t, x.id())) {
        return false;
      }
    }
    return true;
  }

  /** x is a or lies under a (walks x's parents; bounded so that a corrupt tree cannot loop). */
  static boolean atOrUnder(PolicySnapshot s, UUID a, UUID x) {
    UUID cur = x;
    for (int i = 0; cur != null && i < 10_000; i++) {
      if (cur.equals(a)) {
        return true;
      }
      cur = s.tenant(cur).map(TenantNode::parentId).orElse(null);
    }
    return false;
  }

  /** Whether the (user or group) principal includes the user. */
  static boolean includes(PolicySnapshot s, Principal p, UUID userId) {
    return switch (p) {
      case Principal.UserPrincipal(UUID id) -> id.equals(userId);
      case Principal.GroupPrincipal(UUID id) ->
          s.group(id).map(g -> g.memberUserIds().contains(userId)).orElse(false);
    };
  }
}
