package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantGrants;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.internal.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a user may do where: system permissions, and per tenant the permission keys allowed there
 * (after denies), plus computer-resource grants. When someone else looks, tenants they cannot view
 * ({@code tenants:view}) are left out.
 */
@Component
class EffectivePermissions {
  record TenantPermissions(UUID tenantId, List<String> permissions) {}

  record ResourceGrant(String permission, ScopeDto scope) {}

  record View(
      UUID userId,
      List<String> system,
      List<TenantPermissions> tenants,
      List<ResourceGrant> resources) {}

  private final Authorizer authz;

  EffectivePermissions(Authorizer authz) {
    this.authz = authz;
  }

  View of(UUID userId, boolean onlyTenantsCallerSees) {
    PolicySnapshot s = authz.snapshot();
    TenantFilter visible =
        onlyTenantsCallerSees
            ? authz.tenants(Permission.TENANTS_VIEW)
            : TenantFilter.everythingFilter();
    List<String> system = new ArrayList<>();
    Map<UUID, TreeSet<String>> perTenant = new TreeMap<>();
    List<ResourceGrant> resources = new ArrayList<>();
    for (Permission p : Permission.values()) {
      if (p.system()) {
        if (authz.check(userId, p, Target.system()).allowed()) {
          system.add(p.key());
        }
        continue;
      }
      TenantGrants g = authz.grants(userId, p);
      for (TenantNode t : g.allTenants() ? s.tenants() : tenantsOf(s, g)) {
        if (visible.allows(t.id())) {
          perTenant.computeIfAbsent(t.id(), k -> new TreeSet<>()).add(p.key());
        }
      }
      for (ResourceSelector sel : g.allowedSelectors()) {
        resources.add(
            new ResourceGrant(p.key(), ScopeDto.of(dev.tenantry.authz.Scope.resource(sel))));
      }
    }
    return new View(
        userId,
        system,
        perTenant.entrySet().stream()
            .map(e -> new TenantPermissions(e.getKey(), List.copyOf(e.getValue())))
            .toList(),
        resources);
  }

  private static List<TenantNode> tenantsOf(PolicySnapshot s, TenantGrants g) {
    return g.tenantIds().stream().map(s::tenant).flatMap(java.util.Optional::stream).toList();
  }
}
