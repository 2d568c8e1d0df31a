package dev.tenantry.authz.engine;

import dev.tenantry.authz.RoleDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable, indexed copy of every input a decision needs (DESIGN §6): tenant tree and tags,
 * computers, users, group memberships, roles as permission bitsets, assignments indexed by
 * principal. Safe to share between threads.
 *
 * <p>Build one with {@link #builder(long)}; derive the next with {@link #withChanges}, which copies
 * only the parts it touches and shares the rest. Inputs may refer to ids that are absent (a scope
 * naming a deleted tenant, a member that is not a user yet): such references simply match nothing
 * until the id appears.
 */
public final class PolicySnapshot {
  private static final PolicySnapshot EMPTY =
      new PolicySnapshot(
          0,
          UuidIndex.EMPTY,
          UuidIndex.EMPTY,
          UuidIndex.EMPTY,
          UuidIndex.EMPTY,
          UuidIndex.EMPTY,
          UuidIndex.EMPTY,
          UuidIndex.EMPTY,
          PVec.empty(),
          PVec.empty(),
          PVec.empty(),
          PVec.empty(),
          PVec.empty(),
          PVec.empty(),
          new long[0],
          new int[0],
          new int[0],
          new long[0],
          new int[0],
          PVec.empty());

  private final long revision;
  final UuidIndex tenantIx;
  final UuidIndex computerIx;
  final UuidIndex userIx;
  final UuidIndex groupIx;
  final UuidIndex roleIx;
  final UuidIndex asgIx;
  final UuidIndex tagIx;
  final PVec<Compiled.Tenant> tenants;
  final PVec<Compiled.Computer> computers;
  final PVec<Compiled.User> users;
  final PVec<Compiled.Group> groups;
  final PVec<Compiled.Role> roles;
  final PVec<Compiled.Asg> asgs;

  /**
   * Role r holds permission p iff bit p of {@code roleBits[r * WORDS ..]} is set; absent roles are
   * all zero.
   */
  final long[] roleBits;

  /**
   * Parent tenant index per tenant index, -1 for none (a root, absent or never-seen tenant): the
   * ancestor walk.
   */
  final int[] tenantParent;

  /** MSP tenant index per tenant index for present tenants, -1 for absent or never-seen ones. */
  final int[] tenantMsp;

  /**
   * Per tenant index, bit g set iff the tenant has tag index g, for g < 64 (exact); tags from 64 up
   * are looked up in the record. A TENANT_TAG scope thus reads one flat long instead of a chunk,
   * the record and its tag array.
   */
  final long[] tenantTagLo;

  /**
   * {@link TenantSpans}: pre-order interval per tenant index, so subtree coverage is two
   * comparisons.
   */
  final int[] tenantSpan;

  /** Per user index, {@link Compiled#hot}: what a check reads about the user, in one array. */
  final PVec<int[]> userHot;

  PolicySnapshot(
      long revision,
      UuidIndex tenantIx,
      UuidIndex computerIx,
      UuidIndex userIx,
      UuidIndex groupIx,
      UuidIndex roleIx,
      UuidIndex asgIx,
      UuidIndex tagIx,
      PVec<Compiled.Tenant> tenants,
      PVec<Compiled.Computer> computers,
      PVec<Compiled.User> users,
      PVec<Compiled.Group> groups,
      PVec<Compiled.Role> roles,
      PVec<Compiled.Asg> asgs,
      long[] roleBits,
      int[] tenantParent,
      int[] tenantMsp,
      long[] tenantTagLo,
      int[] tenantSpan,
      PVec<int[]> userHot) {
    this.revision = revision;
    this.tenantIx = tenantIx;
    this.computerIx = computerIx;
    this.userIx = userIx;
    this.groupIx = groupIx;
    this.roleIx = roleIx;
    this.asgIx = asgIx;
    this.tagIx = tagIx;
    this.tenants = tenants;
    this.computers = computers;
    this.users = users;
    this.groups = groups;
    this.roles = roles;
    this.asgs = asgs;
    this.roleBits = roleBits;
    this.tenantParent = tenantParent;
    this.userHot = userHot;
    this.tenantMsp = tenantMsp;
    this.tenantTagLo = tenantTagLo;
    this.tenantSpan = tenantSpan;
  }

  /** The snapshot with nothing in it, at revision 0. */
  public static PolicySnapshot empty() {
    return EMPTY;
  }

  public static Builder builder(long revision) {
    return new Builder(revision);
  }

  /** The policy revision this snapshot reflects (read-your-writes compares against it). */
  public long revision() {
    return revision;
  }

  /**
   * A new snapshot with the changes applied in order; this one is unchanged. Cost is proportional
   * to what the changes touch (plus copying index spines), not to the size of the snapshot.
   */
  public PolicySnapshot withChanges(long newRevision, List<? extends PolicyChange> changes) {
    SnapshotEditor editor = new SnapshotEditor(this);
    for (PolicyChange c : changes) {
      editor.apply(c);
    }
    return editor.build(newRevision);
  }

  public Optional<TenantNode> tenant(UUID id) {
    Compiled.Tenant t = tenants.get(tenantIx.get(id));
    return t == null ? Optional.empty() : Optional.ofNullable(t.node());
  }

  public Optional<ComputerNode> computer(UUID id) {
    Compiled.Computer c = computers.get(computerIx.get(id));
    return c == null ? Optional.empty() : Optional.of(c.node());
  }

  public Optional<UserNode> user(UUID id) {
    Compiled.User u = users.get(userIx.get(id));
    return u == null ? Optional.empty() : Optional.ofNullable(u.node());
  }

  public Optional<GroupNode> group(UUID id) {
    Compiled.Group g = groups.get(groupIx.get(id));
    return g == null ? Optional.empty() : Optional.ofNullable(g.node());
  }

  public Optional<RoleNode> role(UUID id) {
    Compiled.Role r = roles.get(roleIx.get(id));
    return r == null ? Optional.empty() : Optional.ofNullable(r.node());
  }

  public Optional<AssignmentNode> assignment(UUID id) {
    Compiled.Asg a = asgs.get(asgIx.get(id));
    return a == null ? Optional.empty() : Optional.of(a.node());
  }

  /** Every present tenant, in index order. */
  public List<TenantNode> tenants() {
    List<TenantNode> out = new ArrayList<>();
    for (int i = 0; i < tenants.size(); i++) {
      Compiled.Tenant t = tenants.get(i);
      if (t != null && t.present()) {
        out.add(t.node());
      }
    }
    return out;
  }

  /**
   * A user's direct assignments (whether or not the user is present), in assignment-id order (the
   * same on every node, whatever order the rows were loaded in).
   */
  public List<AssignmentNode> directAssignments(UUID userId) {
    Compiled.User u = users.get(userIx.get(userId));
    return u == null ? List.of() : nodes(u.direct().asgs());
  }

  /** A group's assignments, in assignment-id order. */
  public List<AssignmentNode> groupAssignments(UUID groupId) {
    Compiled.Group g = groups.get(groupIx.get(groupId));
    return g == null ? List.of() : nodes(g.asgs().asgs());
  }

  /**
   * Every live assignment of the role (a role edit re-judges them, DESIGN §3.6i). O(assignments).
   */
  public List<AssignmentNode> assignmentsOfRole(UUID roleId) {
    List<AssignmentNode> out = new ArrayList<>();
    for (int i = 0; i < asgs.size(); i++) {
      Compiled.Asg a = asgs.get(i);
      if (a != null && a.node().roleId().equals(roleId)) {
        out.add(a.node());
      }
    }
    return out;
  }

  /** Every user, in index order (the lock-out rule looks for a full administrator, §3.6h). */
  public List<UserNode> users() {
    List<UserNode> out = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      Compiled.User u = users.get(i);
      if (u != null && u.node() != null) {
        out.add(u.node());
      }
    }
    return out;
  }

  /**
   * The present groups the user is a member of, in group-id order (not index order: indexes follow
   * the order a node happened to load the groups in).
   */
  public List<GroupNode> groupsOf(UUID userId) {
    Compiled.User u = users.get(userIx.get(userId));
    List<GroupNode> out = new ArrayList<>();
    if (u != null) {
      for (int g : u.groups()) {
        out.add(groups.get(g).node());
      }
    }
    out.sort(Comparator.comparing(GroupNode::id));
    return out;
  }

  private static List<AssignmentNode> nodes(Compiled.Asg[] list) {
    List<AssignmentNode> out = new ArrayList<>(list.length);
    for (Compiled.Asg a : list) {
      out.add(a.node());
    }
    return out;
  }

  Compiled.Tenant tenantAt(int t) {
    return tenants.get(t);
  }

  /**
   * Collects inputs in any order (references may point forward); {@link #build()} indexes them
   * once.
   */
  public static final class Builder {
    private final long revision;
    private final SnapshotEditor editor = new SnapshotEditor(EMPTY);

    private Builder(long revision) {
      this.revision = revision;
    }

    public Builder tenant(TenantNode n) {
      editor.apply(new PolicyChange.UpsertTenant(n));
      return this;
    }

    public Builder computer(ComputerNode n) {
      editor.apply(new PolicyChange.UpsertComputer(n));
      return this;
    }

    public Builder user(UserNode n) {
      editor.apply(new PolicyChange.UpsertUser(n));
      return this;
    }

    public Builder group(GroupNode n) {
      editor.apply(new PolicyChange.UpsertGroup(n));
      return this;
    }

    public Builder role(RoleNode n) {
      editor.apply(new PolicyChange.UpsertRole(n));
      return this;
    }

    /** Adds the nine built-in roles of {@link dev.tenantry.authz.BuiltInRoles} as public roles. */
    public Builder builtInRoles() {
      for (RoleDefinition d : dev.tenantry.authz.BuiltInRoles.ALL) {
        role(RoleNode.of(d));
      }
      return this;
    }

    public Builder assignment(AssignmentNode n) {
      editor.apply(new PolicyChange.UpsertAssignment(n));
      return this;
    }

    public Builder apply(PolicyChange change) {
      editor.apply(change);
      return this;
    }

    /**
     * The snapshot. The builder may go on; later additions never affect a snapshot already built.
     */
    public PolicySnapshot build() {
      return editor.build(revision);
    }
  }
}
