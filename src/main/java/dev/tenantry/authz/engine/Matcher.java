package dev.tenantry.authz.engine;

import static dev.tenantry.authz.engine.Compiled.contains;

import dev.tenantry.authz.engine.Compiled.Asg;

/**
 * The hot path: does one compiled assignment match (DESIGN §3.3)? Static, branch-only,
 * allocation-free.
 *
 * <p>Modes say what the target is: {@link #SYSTEM} (a system permission: any scope matches), {@link
 * #SYSTEM_SCOPED} (a tenant-scoped permission against the system target: only OWNER), {@link
 * #TENANT} (a tenant or an object it owns), {@link #COMPUTER}, {@link #GLOBAL} (a global object:
 * OWNER or MSP of its creator) and {@link #GLOBAL_VIEW} (a {@code *:view} on a global object: any
 * scope).
 */
final class Matcher {
  static final int SYSTEM = 0;
  static final int SYSTEM_SCOPED = 1;
  static final int TENANT = 2;
  static final int COMPUTER = 3;
  static final int GLOBAL = 4;
  static final int GLOBAL_VIEW = 5;

  private Matcher() {}

  /** Not expired at now, and its (present) role holds the permission. */
  static boolean holds(PolicySnapshot s, Asg a, int ord, long nowSec, int nowNano) {
    return roleHolds(s.roleBits, a.role(), ord) && a.activeAt(nowSec, nowNano);
  }

  static boolean roleHolds(long[] roleBits, int role, int ord) {
    int i = role * Compiled.WORDS + (ord >>> 6);
    return i < roleBits.length && (roleBits[i] & (1L << ord)) != 0;
  }

  /** {@link #covers(PolicySnapshot, int, int, int, int, int, int, int, int, int)} for an Asg. */
  static boolean covers(
      PolicySnapshot s, Asg a, int mode, int t, int c, Compiled.Computer cc, int userTenant) {
    return covers(
        s,
        a.packed(),
        a.a(),
        a.b(),
        mode,
        t,
        t >= 0 && t < s.tenantMsp.length ? s.tenantMsp[t] : -1,
        c,
        cc == null ? 0 : cc.typeBit() | (cc.tags().length > 0 ? Compiled.TAGGED : 0),
        userTenant);
  }

  /**
   * Whether the scope ({@code packed}, {@code a}, {@code b} as in {@link Asg#pack}) covers the
   * target. {@code t} = tenant index (TENANT, COMPUTER: the computer's tenant; GLOBAL: the creating
   * MSP or -1) and {@code msp} its MSP, {@code c} = the computer index and {@code typeBit} its type
   * bit, {@code userTenant} = tenant of the checked user.
   */
  static boolean covers(
      PolicySnapshot s,
      int packed,
      int a,
      int b,
      int mode,
      int t,
      int msp,
      int c,
      int typeBit,
      int userTenant) {
    int kind = packed & Compiled.P_KIND;
    switch (mode) {
      case SYSTEM:
      case GLOBAL_VIEW:
        return true;
      case SYSTEM_SCOPED:
        return kind == Compiled.OWNER;
      case GLOBAL:
        return kind == Compiled.OWNER || (kind == Compiled.MSP && t >= 0 && a == t);
      case TENANT:
        return coversTenant(s, kind, packed, a, b, t, msp, userTenant);
      default:
        return kind < Compiled.RES_ONE
            ? coversTenant(s, kind, packed, a, b, t, msp, userTenant)
            : selects(s, kind, packed, a, b, c, t, msp, typeBit);
    }
  }

  /** DESIGN §2's tenant table for an Asg (t present). */
  static boolean coversTenant(PolicySnapshot s, Asg a, int t, int userTenant) {
    int packed = a.packed();
    return coversTenant(
        s, packed & Compiled.P_KIND, packed, a.a(), a.b(), t, s.tenantMsp[t], userTenant);
  }

  /** DESIGN §2's tenant table; RESOURCE scopes never cover a tenant. */
  static boolean coversTenant(
      PolicySnapshot s, int kind, int packed, int a, int b, int t, int msp, int userTenant) {
    switch (kind) {
      case Compiled.OWNER:
        return true;
      case Compiled.MSP:
        return t == a || msp == a;
      case Compiled.TENANT:
        return t == a || ((packed & Compiled.P_CHILDREN) != 0 && isAncestor(s, a, t));
      case Compiled.TENANT_TAG:
        return hasTag(s, t, a) && (b < 0 || msp == b); // an MSP's own msp is itself
      case Compiled.USERS_TENANT:
        return t == userTenant;
      default:
        return false;
    }
  }

  /** Tenant t (present) has tag g: one flat load for g < 64, else the record's sorted tags. */
  static boolean hasTag(PolicySnapshot s, int t, int g) {
    if (g < 64) {
      long[] lo = s.tenantTagLo;
      return t < lo.length && g >= 0 && (lo[t] & (1L << g)) != 0;
    }
    return contains(s.tenantAt(t).tags(), g);
  }

  /**
   * Whether a RESOURCE scope selects computer c of tenant t whose MSP is {@code msp} (its tenant or
   * MSP limit, if any, must match; an MSP limit compares the tenant's msp_id, as TENANT_TAG's
   * does). Only a tag selector of a tagged computer ({@code typeBit} has {@link Compiled#TAGGED})
   * reads the computer's record.
   */
  static boolean selects(
      PolicySnapshot s, int kind, int packed, int a, int b, int c, int t, int msp, int typeBit) {
    switch (kind) {
      case Compiled.RES_ONE:
        return c == a;
      case Compiled.RES_TAG:
        return (typeBit & Compiled.TAGGED) != 0
            && (b < 0 || b == ((packed & Compiled.P_MSP_LIMIT) != 0 ? msp : t))
            && contains(s.computers.get(c).tags(), a);
      case Compiled.RES_TYPES:
        return ((packed >>> 8) & 0xFF & typeBit) != 0
            && (b < 0
                || b
                    == ((packed & Compiled.P_MSP_LIMIT) != 0
                        ? msp
                        : t)); // bits 16+ may hold the expiry offset
      default:
        return false;
    }
  }

  /**
   * Whether {@code ancestor} is a proper ancestor of t: two comparisons on the {@link TenantSpans}
   * numbering; only a tenant that no root reaches (on or below a parent cycle) walks the parent
   * column.
   */
  static boolean isAncestor(PolicySnapshot s, int ancestor, int t) {
    int[] span = s.tenantSpan;
    if (t >= 0 && 2 * t < span.length) {
      int et = span[2 * t];
      if (et >= 0) {
        // a numbered t has only numbered ancestors: an unnumbered one cannot be among them
        if (ancestor < 0 || 2 * ancestor >= span.length) {
          return false;
        }
        int ea = span[2 * ancestor];
        return ea >= 0 && ea < et && et <= span[2 * ancestor + 1];
      }
    }
    return walk(s, ancestor, t);
  }

  /**
   * Walks up from t over the flat parent array; bounded by the number of tenants so that a corrupt
   * (cyclic) tree cannot loop forever.
   */
  static boolean walk(PolicySnapshot s, int ancestor, int t) {
    int[] parent = s.tenantParent;
    int limit = parent.length;
    int cur = t < limit ? parent[t] : -1;
    for (int i = 0; cur >= 0 && i < limit; i++) {
      if (cur == ancestor) {
        return true;
      }
      cur = cur < limit ? parent[cur] : -1;
    }
    return false;
  }
}
