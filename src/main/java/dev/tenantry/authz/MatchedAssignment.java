package dev.tenantry.authz;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One assignment that matched a check (its role holds the permission, it has not expired, its scope
 * covers the target), and how the user got it: directly ({@code viaGroupId} null) or as a member of
 * that group.
 */
public record MatchedAssignment(
    UUID assignmentId, UUID roleId, Effect effect, Scope scope, @Nullable UUID viaGroupId) {

  public boolean direct() {
    return viaGroupId == null;
  }
}
