package dev.tenantry.authz.engine;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * DESIGN §3.6h: a <em>full administrator</em> is an enabled user without access expiry (whose
 * person exists) holding every permission, un-denied, at OWNER, through assignments without expiry.
 * The instance must always keep one; changes are judged by comparing the snapshot with the change
 * applied against the current one.
 */
public final class FullAdmins {
  private static final Set<Permission> ALL = EnumSet.allOf(Permission.class);

  private FullAdmins() {}

  /** The full administrators of the snapshot at {@code now}. */
  public static List<UUID> of(PolicySnapshot s, Instant now) {
    List<UUID> out = new ArrayList<>();
    for (UserNode u : s.users()) {
      if (isFull(s, u, now)) {
        out.add(u.id());
      }
    }
    return out;
  }

  /** True when {@code before} had a full administrator and {@code after} has none. */
  public static boolean locksOut(PolicySnapshot before, PolicySnapshot after, Instant now) {
    return !of(before, now).isEmpty() && of(after, now).isEmpty();
  }

  public static boolean isFull(PolicySnapshot s, UUID userId, Instant now) {
    return s.user(userId).map(u -> isFull(s, u, now)).orElse(false);
  }

  private static boolean isFull(PolicySnapshot s, UserNode u, Instant now) {
    if (!u.activeAt(now) || u.accessExpiresAt() != null) {
      return false;
    }
    Set<Permission> held = EnumSet.noneOf(Permission.class);
    for (AssignmentNode a : ReachSupport.assignmentsOf(s, u.id())) {
      if (!a.activeAt(now)) {
        continue;
      }
      Set<Permission> perms = s.role(a.roleId()).map(RoleNode::permissions).orElse(Set.of());
      if (a.effect() == Effect.DENY) {
        if (!perms.isEmpty()) {
          return false; // any deny narrows "every permission at OWNER"
        }
      } else if (a.scope() instanceof Scope.Owner && a.expiresAt() == null) {
        held.addAll(perms);
      }
    }
    return held.containsAll(ALL);
  }
}
