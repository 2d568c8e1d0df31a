package dev.tenantry.authz.access;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.engine.TenantGrants;
import java.util.Optional;
import java.util.UUID;

/**
 * DESIGN §5: no one impersonates a user who holds any (permission, target) that they lack. Judged
 * per permission on where each holds it after denies: system permissions system-wide; tenants (all
 * tenants only covers all tenants with no more denies); computers conservatively (every selector of
 * theirs is mine too, and I am denied no more).
 */
final class ImpersonationCoverage {
  private final Authorizer authz;

  ImpersonationCoverage(Authorizer authz) {
    this.authz = authz;
  }

  Optional<Permission> firstNotCovered(UUID me, UUID them) {
    for (Permission p : Permission.values()) {
      if (!covers(me, them, p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private boolean covers(UUID me, UUID them, Permission p) {
    if (p.system()) {
      return !authz.check(them, p, Target.system()).allowed()
          || authz.check(me, p, Target.system()).allowed();
    }
    TenantGrants mine = authz.grants(me, p);
    TenantGrants theirs = authz.grants(them, p);
    if (theirs.isNothing()) {
      return true;
    }
    if (theirs.allTenants()) {
      if (!mine.allTenants() || !theirs.deniedTenantIds().containsAll(mine.deniedTenantIds())) {
        return false;
      }
    } else {
      for (UUID t : theirs.tenantIds()) {
        if (!mine.allowsTenant(t)) {
          return false;
        }
      }
    }
    return mine.allowedSelectors().containsAll(theirs.allowedSelectors())
        && theirs.deniedSelectors().containsAll(mine.deniedSelectors());
  }
}
