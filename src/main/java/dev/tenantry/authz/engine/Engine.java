package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.engine.Compiled.Asg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Decides DESIGN §3 over a {@link PolicySnapshot}. Stateless and thread-safe; {@link #check}
 * allocates nothing.
 *
 * <p>Order of rules: unknown user → {@code UNKNOWN_USER}; disabled, expired access or person gone →
 * {@code USER_INACTIVE}; for a non-system permission, a target whose tenant or computer is absent →
 * {@code UNKNOWN_TARGET}; then any matching DENY → {@code DENY_WINS}; any matching ALLOW → {@code
 * ALLOWED}; else {@code DEFAULT_DENY}.
 *
 * <p>System permissions are decided system-wide whatever the target (§3.5): an assignment of any
 * scope holding one matches, so {@code check(billing:manage, TenantTarget)} equals {@code
 * check(billing:manage, SystemTarget)}.
 */
public final class Engine {

  public static final Engine INSTANCE = new Engine();

  public Decision check(PolicySnapshot s, UUID userId, Permission p, Target target, Instant now) {
    int ui = s.userIx.get(userId);
    int[] h = s.userHot.get(ui);
    if (h == null || (h[Compiled.H_FLAGS] & Compiled.F_KNOWN) == 0) {
      return Decision.of(DecisionRule.UNKNOWN_USER);
    }
    long nowSec = now.getEpochSecond();
    int nowNano = now.getNano();
    if (!active(h, nowSec, nowNano)) {
      return Decision.of(DecisionRule.USER_INACTIVE);
    }
    int mode;
    int t = -1;
    int c = -1;
    int typeBit = 0;
    if (p.system()) {
      mode = Matcher.SYSTEM;
    } else {
      // instanceof rather than a pattern switch: no bootstrap call on the hot path
      if (target instanceof Target.ComputerTarget ct) {
        mode = Matcher.COMPUTER;
        UUID id = ct.computerId();
        long slot = s.computerIx.slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
        int payload =
            (int) (slot >>> 32); // tenant and type, without touching the computer's record
        if (payload != 0) {
          c = (int) slot - 1;
          typeBit = 1 << (payload & 7) | ((payload & 8) << 13); // bit 3 (tagged) -> Compiled.TAGGED
          t = presentTenant(s, (payload >>> 4) - 1);
        }
      } else if (target instanceof Target.TenantTarget tt) {
        mode = Matcher.TENANT;
        t = presentTenant(s, tt.tenantId());
      } else if (target instanceof Target.ObjectTarget ot) {
        UUID owner = ot.ownerTenantId();
        if (owner != null) {
          mode = Matcher.TENANT;
          t = presentTenant(s, owner);
        } else {
          UUID creator = ot.createdByMspId();
          mode = p.isView() ? Matcher.GLOBAL_VIEW : Matcher.GLOBAL;
          t = creator == null ? -1 : s.tenantIx.get(creator);
        }
      } else {
        mode = Matcher.SYSTEM_SCOPED;
      }
      if (t < 0 && (mode == Matcher.TENANT || mode == Matcher.COMPUTER)) {
        return Decision.of(DecisionRule.UNKNOWN_TARGET);
      }
    }
    return decide(s, ui, h, p.ordinal(), mode, t, c, typeBit, nowSec, nowNano);
  }

  /**
   * The decision with every matching assignment (allow and deny), direct or via which group (§3.9).
   */
  public Explanation explain(
      PolicySnapshot s, UUID userId, Permission p, Target target, Instant now) {
    Decision d = check(s, userId, p, target, now);
    if (d.rule() == DecisionRule.UNKNOWN_USER
        || d.rule() == DecisionRule.USER_INACTIVE
        || d.rule() == DecisionRule.UNKNOWN_TARGET) {
      return new Explanation(d, List.of());
    }
    Compiled.User u = s.users.get(s.userIx.get(userId));
    List<MatchedAssignment> out = new ArrayList<>();
    Resolved r = Resolved.of(s, p, target);
    collect(s, u.direct(), null, u, p.ordinal(), r, now, out);
    // groups by id, not by index: indexes follow the order a node happened to load them in
    List<Compiled.Group> groups = new ArrayList<>();
    for (int g : u.groups()) {
      groups.add(s.groups.get(g));
    }
    groups.sort(Comparator.comparing(g -> g.node().id()));
    for (Compiled.Group group : groups) {
      collect(s, group.asgs(), group.node().id(), u, p.ordinal(), r, now, out);
    }
    return new Explanation(d, out);
  }

  /**
   * Where the user holds p (after denies): tenant ids and resource selectors, for building a list
   * filter.
   */
  public TenantGrants tenantsWith(PolicySnapshot s, UUID userId, Permission p, Instant now) {
    return GrantsCalculator.compute(this, s, userId, p, now);
  }

  /**
   * Whether the user holds p anywhere at all (a tenant, a resource scope, the system): exactly
   * {@code !tenantsWith(s, userId, p, now).isNothing()}, stopping at the first tenant found.
   */
  public boolean holdsAnywhere(PolicySnapshot s, UUID userId, Permission p, Instant now) {
    return GrantsCalculator.anywhere(this, s, userId, p, now);
  }

  /**
   * {@link #tenantsWith} for the given tenants only: the same selectors and the same answer for
   * each of those tenants, without visiting the others (a page of a few tenants need not pay for
   * all of the caller's).
   */
  public TenantGrants tenantsWith(
      PolicySnapshot s,
      UUID userId,
      Permission p,
      Instant now,
      java.util.Collection<UUID> onlyTenants) {
    return GrantsCalculator.compute(this, s, userId, p, now, onlyTenants);
  }

  static boolean active(Compiled.User u, long nowSec, int nowNano) {
    return u.enabled()
        && u.tenant() >= 0
        && (nowSec < u.expSec() || (nowSec == u.expSec() && nowNano < u.expNano()));
  }

  static boolean active(int[] h, long nowSec, int nowNano) {
    long expSec = (long) h[Compiled.H_EXP_HI] << 32 | (h[Compiled.H_EXP_LO] & 0xFFFFFFFFL);
    return (h[Compiled.H_FLAGS] & Compiled.F_ENABLED) != 0
        && h[Compiled.H_TENANT] >= 0
        && (nowSec < expSec || (nowSec == expSec && nowNano < h[Compiled.H_EXP_NANO]));
  }

  private static Decision decide(
      PolicySnapshot s,
      int ui,
      int[] h,
      int ord,
      int mode,
      int t,
      int c,
      int typeBit,
      long nowSec,
      int nowNano) {
    int msp = t >= 0 ? s.tenantMsp[t] : -1;
    int userTenant = h[Compiled.H_TENANT];
    int groups = h[Compiled.H_NGROUPS];
    int end = h[Compiled.H_DIRECT_END];
    int found =
        scan(
            s,
            h,
            Compiled.H_GROUPS + 2 * groups,
            end,
            ui,
            -1,
            ord,
            mode,
            t,
            msp,
            c,
            typeBit,
            userTenant,
            nowSec,
            nowNano);
    if (found == DENY) {
      return Decision.DENY_WINS;
    }
    boolean allow = found == ALLOW;
    for (int k = 0; k < groups; k++) {
      int from = end;
      end = h[Compiled.H_GROUPS + 2 * k + 1];
      int f =
          scan(
              s,
              h,
              from,
              end,
              -1,
              h[Compiled.H_GROUPS + 2 * k],
              ord,
              mode,
              t,
              msp,
              c,
              typeBit,
              userTenant,
              nowSec,
              nowNano);
      if (f == DENY) {
        return Decision.DENY_WINS;
      }
      allow |= f == ALLOW;
    }
    return allow ? Decision.ALLOWED : Decision.DEFAULT_DENY;
  }

  private static final int NONE = 0;
  private static final int ALLOW = 1;
  private static final int DENY = 2;

  /**
   * DENY as soon as a deny matches, else ALLOW if an allow matched. Reads the packed code in [from,
   * to); looks up the Asg (of user {@code ui}'s direct list, or of group {@code gi}) only for an
   * assignment with an expiry whose offset did not fit the packed word.
   */
  private static int scan(
      PolicySnapshot s,
      int[] code,
      int from,
      int to,
      int ui,
      int gi,
      int ord,
      int mode,
      int t,
      int msp,
      int c,
      int typeBit,
      int userTenant,
      long nowSec,
      int nowNano) {
    int result = NONE;
    long[] bits = s.roleBits;
    int word = ord >>> 6;
    long bit = 1L << ord;
    for (int i = from; i < to; i += Compiled.STRIDE) {
      int w = code[i] * Compiled.WORDS + word;
      if (w >= bits.length || (bits[w] & bit) == 0) {
        continue; // most roles lack the permission
      }
      int packed = code[i + 1];
      if ((packed & Compiled.P_EXPIRES) != 0) {
        int ex = packed >>> Compiled.P_EXP_AT;
        if (ex != 0) { // the expiry sits in the same array (Compiled.hot)
          long expSec = (long) code[ex] << 32 | (code[ex + 1] & 0xFFFFFFFFL);
          if (!(nowSec < expSec || (nowSec == expSec && nowNano < code[ex + 2]))) {
            continue;
          }
        } else {
          Asg[] asgs = gi >= 0 ? s.groups.get(gi).asgArray() : s.users.get(ui).directAsgs();
          if (!asgs[(i - from) / Compiled.STRIDE].activeAt(nowSec, nowNano)) {
            continue;
          }
        }
      }
      if (Matcher.covers(
          s, packed, code[i + 2], code[i + 3], mode, t, msp, c, typeBit, userTenant)) {
        if ((packed & Compiled.P_DENY) != 0) {
          return DENY;
        }
        result = ALLOW;
      }
    }
    return result;
  }

  private static void collect(
      PolicySnapshot s,
      Compiled.AsgList list,
      UUID viaGroup,
      Compiled.User u,
      int ord,
      Resolved r,
      Instant now,
      List<MatchedAssignment> out) {
    for (Asg a : list.asgs()) {
      if (Matcher.holds(s, a, ord, now.getEpochSecond(), now.getNano())
          && Matcher.covers(s, a, r.mode, r.t, r.c, r.cc, u.tenant())) {
        AssignmentNode n = a.node();
        out.add(new MatchedAssignment(n.id(), n.roleId(), n.effect(), n.scope(), viaGroup));
      }
    }
  }

  static int presentTenant(PolicySnapshot s, UUID id) {
    return presentTenant(s, s.tenantIx.get(id));
  }

  /** t if that tenant is present, else -1 (one load from the flat MSP column). */
  static int presentTenant(PolicySnapshot s, int t) {
    int[] msp = s.tenantMsp;
    return t >= 0 && t < msp.length && msp[t] >= 0 ? t : -1;
  }

  /**
   * The target resolved for explain (which may allocate). Only called after check found the target
   * present.
   */
  private record Resolved(int mode, int t, int c, Compiled.Computer cc) {
    static Resolved of(PolicySnapshot s, Permission p, Target target) {
      if (p.system()) {
        return new Resolved(Matcher.SYSTEM, -1, -1, null);
      }
      return switch (target) {
        case Target.SystemTarget st -> new Resolved(Matcher.SYSTEM_SCOPED, -1, -1, null);
        case Target.TenantTarget(UUID id) ->
            new Resolved(Matcher.TENANT, s.tenantIx.get(id), -1, null);
        case Target.ComputerTarget(UUID id) -> {
          int c = s.computerIx.get(id);
          Compiled.Computer cc = s.computers.get(c);
          yield new Resolved(Matcher.COMPUTER, cc.tenant(), c, cc);
        }
        case Target.ObjectTarget(UUID owner, UUID creator) ->
            owner != null
                ? new Resolved(Matcher.TENANT, s.tenantIx.get(owner), -1, null)
                : new Resolved(
                    p.isView() ? Matcher.GLOBAL_VIEW : Matcher.GLOBAL,
                    creator == null ? -1 : s.tenantIx.get(creator),
                    -1,
                    null);
      };
    }
  }

  static Effect effect(Asg a) {
    return a.deny() ? Effect.DENY : Effect.ALLOW;
  }
}
