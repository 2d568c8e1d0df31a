package dev.tenantry.authz.web;

import dev.tenantry.shared.TenantLookup;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Scopes in words, for pages ("Tenant Contoso and its children", "Tenant tag Gold"). */
@Component
class ScopeLabels {
  private final TenantLookup lookup;

  ScopeLabels(TenantLookup lookup) {
    this.lookup = lookup;
  }

  /** A labeller for one request (names looked up once). */
  Labeller labeller() {
    return new Labeller(lookup.visibleTenants(), lookup.tags());
  }

  record Labeller(Map<UUID, String> tenants, Map<UUID, String> tags) {
    public String of(ScopeDto s) {
      if (s.kind() == null) {
        return "?";
      }
      return switch (s.kind()) {
        case OWNER -> "Owner (every tenant)";
        case MSP -> "MSP " + tenant(s.tenantId());
        case TENANT -> "Tenant " + tenant(s.tenantId()) + (Boolean.TRUE.equals(s.includeChildren()) ? " and its children" : "");
        case TENANT_TAG -> "Tenant tag " + (s.tagId() == null ? "?" : tags.getOrDefault(s.tagId(), s.tagId().toString()));
        case USERS_TENANT -> "User's tenant";
        case RESOURCE -> "Computers: " + (s.resource() == null ? "?" : s.resource().kind() + " "
            + (s.resource().types() != null ? s.resource().types() : "")
            + (s.resource().tenantId() != null ? " in " + tenant(s.resource().tenantId()) : ""));
      };
    }

    private String tenant(@Nullable UUID id) {
      return id == null ? "?" : tenants.getOrDefault(id, "a tenant you cannot see");
    }
  }
}
