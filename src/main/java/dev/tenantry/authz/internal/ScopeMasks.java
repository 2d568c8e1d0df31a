package dev.tenantry.authz.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An assignment is visible to whoever may view its principal's tenant, but its scope may name other
 * tenants (and a computer): those the caller cannot view ({@code tenants:view}, {@code
 * computers:view}) are left out of what is shown ("a tenant you cannot see"), so that the list and
 * the explanation never reveal a tenant's id.
 */
@Component
public class ScopeMasks {
  private final Authorizer authz;

  ScopeMasks(Authorizer authz) {
    this.authz = authz;
  }

  /** A masker for the current caller, for one request (decisions remembered per id). */
  public ScopeDto.Masker forCaller() {
    Map<UUID, Boolean> tenants = new HashMap<>();
    Map<UUID, Boolean> computers = new HashMap<>();
    return scope ->
        scope.masked(
            id ->
                tenants.computeIfAbsent(
                    id, t -> authz.check(Permission.TENANTS_VIEW, Target.tenant(t)).allowed()),
            id ->
                computers.computeIfAbsent(
                    id, c -> authz.check(Permission.COMPUTERS_VIEW, Target.computer(c)).allowed()));
  }
}
