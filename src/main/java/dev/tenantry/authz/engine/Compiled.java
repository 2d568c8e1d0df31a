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
  record User(UserNode node, int tenant, boolean enabled, long expSec, int expNano, Asg[] direct, int[] groups) {
    static final User ABSENT = new User(null, -1, false, NEVER, 0, NO_ASGS, NO_INTS);

    User withNode(UserNode n, int tenant, long expSec, int expNano) {
      return new User(n, tenant, n.enabled(), expSec, expNano, direct, groups);
    }

    User withDirect(Asg[] d) {
      return new User(node, tenant, enabled, expSec, expNano, d, groups);
    }

    User withGroups(int[] g) {
      return new User(node, tenant, enabled, expSec, expNano, direct, g);
    }
  }

  /** {@code members} is empty while the group is absent; its assignments are kept. */
  record Group(GroupNode node, int[] members, Asg[] asgs) {
    static final Group ABSENT = new Group(null, NO_INTS, NO_ASGS);
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
