package dev.tenantry.authz.engine;

/**
 * The snapshot's internal, index-based form of each entity. Every int field is a dense index from
 * the matching {@link UuidIndex} (-1 = none); every array is sorted where it is searched. A {@code
 * node} of null marks an id that is known (referenced, or once present) but absent now.
 */
final class Compiled {
  private Compiled() {}

  static final int[] NO_INTS = new int[0];
  static final Asg[] NO_ASGS = new Asg[0];

  /** longs per role in {@link PolicySnapshot#roleBits}. */
  static final int WORDS = (dev.tenantry.authz.Permission.values().length + 63) >>> 6;

  /** Expiry second of "never expires". */
  static final long NEVER = Long.MAX_VALUE;

  // scope kinds, with RESOURCE split by selector
  static final int OWNER = 0;
  static final int MSP = 1;
  static final int TENANT = 2;
  static final int TENANT_TAG = 3;
  static final int USERS_TENANT = 4;
  static final int RES_ONE = 5;
  static final int RES_TAG = 6;
  static final int RES_TYPES = 7;

  record Tenant(TenantNode node, int parent, int msp, int[] tags) {
    static final Tenant ABSENT = new Tenant(null, -1, -1, NO_INTS);

    boolean present() {
      return node != null;
    }
  }

  /**
   * What the computer index stores with each present computer (see {@link UuidIndex#slot}), so that
   * a check reads a computer's tenant, type and whether it has any tag from the index slot it
   * already loaded: {@code (tenant + 1) << 4 | tagged << 3 | type ordinal}; 0 = absent. Most
   * computers have no tag, so a RESOURCE-tag scope usually decides without reading the computer's
   * record.
   */
  static int computerPayload(int tenant, int typeOrdinal, boolean tagged) {
    return (tenant + 1) << 4 | (tagged ? 8 : 0) | typeOrdinal;
  }

  /**
   * Added to a computer's type bit (which is below bit 8) when the computer has at least one tag.
   */
  static final int TAGGED = 1 << 16;

  /** The bits of the tag indexes below 64 (see {@link PolicySnapshot#tenantTagLo}). */
  static long tagLo(int[] tags) {
    long bits = 0;
    for (int g : tags) {
      if (g < 64) {
        bits |= 1L << g;
      }
    }
    return bits;
  }

  /** {@code typeBit} = 1 << ComputerType.ordinal(). */
  record Computer(ComputerNode node, int tenant, int typeBit, int[] tags) {}

  /**
   * Direct assignments and groups are kept while the user is absent, so a re-added user gets them
   * back. The direct list is stored flat ({@code directAsgs}, {@code directRoles}) to save the hot
   * path one dependent load.
   */
  record User(
      UserNode node,
      int tenant,
      boolean enabled,
      long expSec,
      int expNano,
      Asg[] directAsgs,
      int[] directCode,
      int[] groups) {
    static final User ABSENT = new User(null, -1, false, NEVER, 0, NO_ASGS, NO_INTS, NO_INTS);

    AsgList direct() {
      return new AsgList(directAsgs, directCode);
    }

    User withNode(UserNode n, int tenant, long expSec, int expNano) {
      return new User(n, tenant, n.enabled(), expSec, expNano, directAsgs, directCode, groups);
    }

    User withDirect(AsgList d) {
      return new User(node, tenant, enabled, expSec, expNano, d.asgs(), d.code(), groups);
    }

    User withGroups(int[] g) {
      return new User(node, tenant, enabled, expSec, expNano, directAsgs, directCode, g);
    }
  }

  // layout of a user's hot array (PolicySnapshot.userHot): everything a check reads about the user,
  // in one object
  static final int H_FLAGS = 0;
  static final int H_TENANT = 1;
  static final int H_EXP_HI = 2;
  static final int H_EXP_LO = 3;
  static final int H_EXP_NANO = 4;
  static final int H_NGROUPS = 5;

  /** End (exclusive) of the direct assignments' code. */
  static final int H_DIRECT_END = 6;

  /**
   * Pairs (group index, end of that group's code) start here; the direct code follows them, then
   * each group's.
   */
  static final int H_GROUPS = 7;

  static final int F_KNOWN = 1;
  static final int F_ENABLED = 2;

  /**
   * The user's hot array: flags (known = present node, enabled), tenant, access expiry, then the
   * direct assignments' code and a copy of the code of every group the user belongs to ({@link
   * AsgList}), with the segment ends in the header. A check reads this one array, sequentially,
   * instead of the User record, its group list, and each group's record and code. The price:
   * changing a group's assignments rewrites its members' arrays.
   *
   * <p>After all code come the expiries of the assignments that have one (3 ints each: second high,
   * low, nano); such an assignment's packed word in this array carries the expiry's offset in bits
   * 16-31 ({@link #P_EXP_AT}), so the check need not read the Asg (4 dependent loads). An offset
   * that does not fit 16 bits is left 0: the check then reads the Asg as before.
   */
  static int[] hot(User u, java.util.function.IntFunction<Group> groupOf) {
    int[] g = u.groups();
    int[] code = u.directCode();
    int[][] gc = new int[g.length][];
    Asg[][] ga = new Asg[g.length][];
    int len = H_GROUPS + 2 * g.length + code.length;
    int expiring = expiring(u.directAsgs());
    for (int k = 0; k < g.length; k++) {
      Group group = groupOf.apply(g[k]);
      gc[k] = group == null ? NO_INTS : group.asgCode();
      ga[k] = group == null ? NO_ASGS : group.asgArray();
      len += gc[k].length;
      expiring += expiring(ga[k]);
    }
    int[] h = new int[len + 3 * expiring];
    int ex = len;
    h[H_FLAGS] = (u.node() != null ? F_KNOWN : 0) | (u.enabled() ? F_ENABLED : 0);
    h[H_TENANT] = u.tenant();
    h[H_EXP_HI] = (int) (u.expSec() >>> 32);
    h[H_EXP_LO] = (int) u.expSec();
    h[H_EXP_NANO] = u.expNano();
    h[H_NGROUPS] = g.length;
    int pos = H_GROUPS + 2 * g.length;
    System.arraycopy(code, 0, h, pos, code.length);
    ex = expiries(h, pos, pos + code.length, u.directAsgs(), ex);
    pos += code.length;
    h[H_DIRECT_END] = pos;
    for (int k = 0; k < g.length; k++) {
      System.arraycopy(gc[k], 0, h, pos, gc[k].length);
      ex = expiries(h, pos, pos + gc[k].length, ga[k], ex);
      pos += gc[k].length;
      h[H_GROUPS + 2 * k] = g[k];
      h[H_GROUPS + 2 * k + 1] = pos;
    }
    return h;
  }

  private static int expiring(Asg[] asgs) {
    int n = 0;
    for (Asg a : asgs) {
      if (a.expSec() != NEVER) {
        n++;
      }
    }
    return n;
  }

  // writes the expiries of the code in h[from, to) (parallel to asgs) from ex on; returns the next
  // free position
  private static int expiries(int[] h, int from, int to, Asg[] asgs, int ex) {
    for (int i = from, j = 0; i < to; i += STRIDE, j++) {
      if ((h[i + 1] & P_EXPIRES) != 0) {
        Asg a = asgs[j];
        h[ex] = (int) (a.expSec() >>> 32);
        h[ex + 1] = (int) a.expSec();
        h[ex + 2] = a.expNano();
        if (ex <= 0xFFFF) {
          h[i + 1] |= ex << P_EXP_AT;
        }
        ex += 3;
      }
    }
    return ex;
  }

  /**
   * {@code members} is empty while the group is absent; its assignments are kept (stored flat, like
   * User's).
   */
  record Group(GroupNode node, int[] members, Asg[] asgArray, int[] asgCode) {
    static final Group ABSENT = new Group(null, NO_INTS, NO_ASGS, NO_INTS);

    Group(GroupNode node, int[] members, AsgList asgs) {
      this(node, members, asgs.asgs(), asgs.code());
    }

    AsgList asgs() {
      return new AsgList(asgArray, asgCode);
    }
  }

  /**
   * A principal's assignments, and alongside them the same assignments packed for the hot loop,
   * {@link #STRIDE} ints each: role, {@link Asg#packed()}, a, b. The loop reads one flat int array
   * and touches an {@link Asg} only when it has an expiry (or for an explanation).
   */
  record AsgList(Asg[] asgs, int[] code) {
    static final AsgList EMPTY = new AsgList(NO_ASGS, NO_INTS);

    /**
     * With {@code a} at its place in assignment-id order: the order of a principal's list is
     * defined by its contents, not by the order the rows arrived in (a full load streams the heap's
     * order, a catch-up the feed's or an index's), so every node lists and explains the same
     * assignments in the same order.
     */
    AsgList with(Asg a) {
      java.util.UUID id = a.node().id();
      int at = 0;
      while (at < asgs.length && asgs[at].node().id().compareTo(id) < 0) {
        at++;
      }
      Asg[] as = new Asg[asgs.length + 1];
      int[] cs = new int[code.length + STRIDE];
      System.arraycopy(asgs, 0, as, 0, at);
      System.arraycopy(asgs, at, as, at + 1, asgs.length - at);
      System.arraycopy(code, 0, cs, 0, at * STRIDE);
      System.arraycopy(code, at * STRIDE, cs, (at + 1) * STRIDE, code.length - at * STRIDE);
      as[at] = a;
      a.pack(cs, at * STRIDE);
      return new AsgList(as, cs);
    }

    AsgList without(int index) {
      for (int i = 0; i < asgs.length; i++) {
        if (asgs[i].index() == index) {
          Asg[] as = new Asg[asgs.length - 1];
          int[] cs = new int[code.length - STRIDE];
          System.arraycopy(asgs, 0, as, 0, i);
          System.arraycopy(asgs, i + 1, as, i, asgs.length - i - 1);
          System.arraycopy(code, 0, cs, 0, i * STRIDE);
          System.arraycopy(code, (i + 1) * STRIDE, cs, i * STRIDE, code.length - (i + 1) * STRIDE);
          return new AsgList(as, cs);
        }
      }
      return this;
    }
  }

  /** Ints per assignment in {@link AsgList#code()}. */
  static final int STRIDE = 4;

  // bits of Asg.packed() above the kind (bits 0-3); the type mask sits in bits 8-15
  static final int P_DENY = 1 << 4;
  static final int P_CHILDREN = 1 << 5;
  static final int P_EXPIRES = 1 << 6;

  /** A RES_TAG or RES_TYPES scope whose limit {@code b} is an MSP (compared with the tenant's). */
  static final int P_MSP_LIMIT = 1 << 7;

  static final int P_KIND = 0xF;

  /**
   * In a hot array only: bits 16-31 of the packed word = offset of the assignment's expiry in that
   * array (0 = none).
   */
  static final int P_EXP_AT = 16;

  /** {@code bits} is indexed by Permission.ordinal(); null when the role is absent. */
  record Role(RoleNode node, long[] bits) {}

  /**
   * An assignment compiled for matching. {@code a} = tenant (MSP, TENANT), tag (TENANT_TAG,
   * RES_TAG) or computer (RES_ONE) index; {@code b} = tenant limit of a resource selector (an MSP
   * limit when {@code mspLimit}), MSP limit of a TENANT_TAG scope, or -1; {@code typeMask} for
   * RES_TYPES.
   */
  record Asg(
      AssignmentNode node,
      int index,
      boolean groupPrincipal,
      int principal,
      int role,
      int kind,
      int a,
      int b,
      boolean children,
      int typeMask,
      boolean mspLimit,
      boolean deny,
      long expSec,
      int expNano) {

    boolean activeAt(long nowSec, int nowNano) {
      return nowSec < expSec || (nowSec == expSec && nowNano < expNano);
    }

    /** kind | P_DENY | P_CHILDREN | P_EXPIRES | P_MSP_LIMIT | typeMask << 8. */
    int packed() {
      return kind
          | (mspLimit ? P_MSP_LIMIT : 0)
          | (deny ? P_DENY : 0)
          | (children ? P_CHILDREN : 0)
          | (expSec != NEVER ? P_EXPIRES : 0)
          | typeMask << 8;
    }

    void pack(int[] code, int at) {
      code[at] = role;
      code[at + 1] = packed();
      code[at + 2] = a;
      code[at + 3] = b;
    }
  }

  static boolean contains(int[] sorted, int v) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int x = sorted[mid];
      if (x < v) {
        lo = mid + 1;
      } else if (x > v) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
