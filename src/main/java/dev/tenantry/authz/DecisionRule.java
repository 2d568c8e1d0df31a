package dev.tenantry.authz;

/** Which rule decided a {@link Decision}; stable codes shown by Check Access and /profile. */
public enum DecisionRule {
  /** A matching ALLOW and no matching DENY (DESIGN §3.4). */
  ALLOWED(true),
  /** A matching DENY; deny wins over any allow (§3.4). */
  DENY_WINS(false),
  /** No assignment matched (§3.4). */
  DEFAULT_DENY(false),
  /** The user is disabled, their access has expired, or their person is gone (§3.1). */
  USER_INACTIVE(false),
  /** The user is not in the snapshot. */
  UNKNOWN_USER(false),
  /**
   * The tenant, computer, or owning tenant of the target is not in the snapshot (system permissions
   * ignore targets).
   */
  UNKNOWN_TARGET(false),
  /**
   * Anti-escalation 6a: the actor lacks {@code role-assignments:manage} over the assignment's
   * scope.
   */
  ASSIGNMENT_SCOPE_NOT_MANAGED(false),
  /**
   * Anti-escalation 6b: system permission or cross-tenant scope without {@code
   * roles:assign-cross-tenant}.
   */
  CROSS_TENANT_PERMISSION_MISSING(false),
  /**
   * Anti-escalation 6c: a permission of the role is not allowed to the actor over the whole scope.
   */
  PERMISSION_NOT_HELD(false),
  /** Rule 6d / seed 002: a tenant-owned group only accepts users of that tenant. */
  GROUP_TENANT_MISMATCH(false),
  /** The role, group or assignment named in an anti-escalation question is not in the snapshot. */
  UNKNOWN_OBJECT(false),
  /**
   * Rule 6f: no one changes their own assignments, memberships, enabled flag or access expiry
   * (while impersonating: nor the impersonator's).
   */
  SELF_CHANGE(false),
  /** Rule 6f: the grant would outlast the actor's own support of a permission it gives. */
  OUTLIVES_SUPPORT(false),
  /** Rule 6i: a tenant-owned role is assignable only inside its owner's subtree. */
  ROLE_OUTSIDE_OWNER(false),
  /** DESIGN §5: no one impersonates a user who may impersonate. */
  TARGET_MAY_IMPERSONATE(false);

  private final boolean allows;

  DecisionRule(boolean allows) {
    this.allows = allows;
  }

  public boolean allows() {
    return allows;
  }
}
