package dev.tenantry.deployments.internal;

import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a target lies: the tenant that owns a deployment to it (null = the whole instance), that
 * tenant's MSP (whose admins §4 counts as admins), the scope whose reach the caller must hold the
 * deployment permissions over (DESIGN §3.6e, §8), and the authz target that views are checked on.
 */
record Placement(
    DeploymentTarget target,
    @Nullable UUID ownerTenantId,
    @Nullable UUID mspId,
    Scope reach,
    Target viewTarget) {

  /** How the reach is named in refusals. */
  String describeReach() {
    return switch (reach) {
      case Scope.Owner o -> "over every tenant of the instance, now and later";
      case Scope.Msp m -> "over every tenant of MSP " + m.mspTenantId() + ", now and later";
      case Scope.Tenant t ->
          t.includeChildren()
              ? "over tenant " + t.tenantId() + " and every tenant below it, now and later"
              : "on tenant " + t.tenantId();
      case Scope.TenantTag g ->
          g.mspId() == null
              ? "over every tenant that can ever carry tag " + g.tagId() + " (the whole instance)"
              : "over every tenant of MSP "
                  + g.mspId()
                  + " (which can ever carry tag "
                  + g.tagId()
                  + ")";
      case Scope.Resource r -> "on the computer";
      case Scope.UsersTenant u -> "on your tenant";
    };
  }
}
