package dev.tenantry.authz.engine;

/**
 * The snapshot's internal, index-based form of each entity. Every int field is a dense index from the matching
 * {@link UuidIndex} (-1 = none); every array is sorted where it is searched. A {@code node} of null marks an id that
 * is known (referenced, or once present) but absent now.
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

  /** {@code typeBit} = 1 << ComputerType.ordinal(). */
  record Computer(ComputerNode node, int tenant, int typeBit, int[] tags) {}

  /** Direct assignments and groups are kept while the user is absent, so a re-added user gets them back. */
  record User(UserNode node, int tenant, boolean enabled, long expSec, int expNano, AsgList direct, int[] groups) {
    static final User ABSENT = new User(null, -1, false, NEVER, 0, AsgList.EMPTY, NO_INTS);

    User withNode(UserNode n, int tenant, long expSec, int expNano) {
      return new User(n, tenant, n.enabled(), expSec, expNano, direct, groups);
    }

    User withDirect(AsgList d) {
      return new User(node, tenant, enabled, expSec, expNano, d, groups);
    }

    User withGroups(int[] g) {
      return new User(node, tenant, enabled, expSec, expNano, direct, g);
    }
  }

  /** {@code members} is empty while the group is absent; its assignments are kept. */
  record Group(GroupNode node, int[] members, AsgList asgs) {
    static final Group ABSENT = new Group(null, NO_INTS, AsgList.EMPTY);
  }

  /**
   * A principal's assignments, with their role indexes alongside: the hot loop tests the role's permission bit first
   * and only touches the assignment when the role holds the permission.
   */
  record AsgList(Asg[] asgs, int[] roles) {
    static final AsgList EMPTY = new AsgList(NO_ASGS, NO_INTS);

    AsgList append(Asg a) {
      Asg[] as = java.util.Arrays.copyOf(asgs, asgs.length + 1);
      int[] rs = java.util.Arrays.copyOf(roles, roles.length + 1);
      as[asgs.length] = a;
      rs[roles.length] = a.role();
      return new AsgList(as, rs);
    }

    AsgList without(int index) {
      for (int i = 0; i < asgs.length; i++) {
        if (asgs[i].index() == index) {
          Asg[] as = new Asg[asgs.length - 1];
          int[] rs = new int[roles.length - 1];
          System.arraycopy(asgs, 0, as, 0, i);
          System.arraycopy(asgs, i + 1, as, i, asgs.length - i - 1);
          System.arraycopy(roles, 0, rs, 0, i);
          System.arraycopy(roles, i + 1, rs, i, roles.length - i - 1);
          return new AsgList(as, rs);
        }
      }
      return this;
    }
  }

  /** {@code bits} is indexed by Permission.ordinal(); null when the role is absent. */
  record Role(RoleNode node, long[] bits) {}

  /**
   * An assignment compiled for matching. {@code a} = tenant (MSP, TENANT), tag (TENANT_TAG, RES_TAG) or computer
   * (RES_ONE) index; {@code b} = tenant limit of a resource selector or -1; {@code typeMask} for RES_TYPES.
   */
  record Asg(AssignmentNode node, int index, boolean groupPrincipal, int principal, int role, int kind, int a, int b,
      boolean children, int typeMask, boolean deny, long expSec, int expNano) {

    boolean activeAt(long nowSec, int nowNano) {
      return nowSec < expSec || (nowSec == expSec && nowNano < expNano);
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
