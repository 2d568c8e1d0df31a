package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.*;
import dev.tenantry.shared.ComputerLookup;
import dev.tenantry.shared.TenantLookup;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Scopes in words, for pages ("Tenant Contoso and its children", "Tenant tag Gold"). */
@Component
class ScopeLabels {
  private final TenantLookup lookup;
  private final ComputerLookup computers;

  ScopeLabels(TenantLookup lookup, ComputerLookup computers) {
    this.lookup = lookup;
    this.computers = computers;
  }

  /** A labeller for one request (names looked up once). */
  Labeller labeller() {
    return new Labeller(lookup.visibleTenants(), lookup.tags(), computers.visibleComputers());
  }

  record Labeller(Map<UUID, String> tenants, Map<UUID, String> tags, Map<UUID, String> computers) {
    public String of(ScopeDto s) {
      if (s.kind() == null) {
        return "?";
      }
      return switch (s.kind()) {
        case OWNER -> "Owner (every tenant)";
        case MSP -> "MSP " + tenant(s.tenantId(), s);
        case TENANT ->
            "Tenant "
                + tenant(s.tenantId(), s)
                + (Boolean.TRUE.equals(s.includeChildren()) ? " and its children" : "");
        case TENANT_TAG ->
            "Tenant tag "
                + (s.tagId() == null ? "?" : tags.getOrDefault(s.tagId(), s.tagId().toString()))
                + (s.mspId() == null
                    ? (s.hidden() == null ? "" : " in " + ScopeDto.HIDDEN)
                    : " in MSP " + tenant(s.mspId(), s));
        case USERS_TENANT -> "User's tenant";
        case RESOURCE -> resource(s.resource(), s.hidden() != null);
      };
    }

    /** {@code hidden}: what is missing was left out because the caller cannot see it. */
    private String resource(ScopeDto.@Nullable ResourceDto r, boolean hidden) {
      if (r == null || r.kind() == null) {
        return "Computers: ?";
      }
      String where =
          r.tenantId() != null
              ? " in " + tenant(r.tenantId(), null)
              : hidden ? " in " + ScopeDto.HIDDEN : "";
      return switch (r.kind()) {
        case COMPUTER ->
            "Computer "
                + (r.computerId() == null
                    ? (hidden ? "you cannot see" : "?")
                    : computers.getOrDefault(r.computerId(), "you cannot see"));
        case COMPUTER_TAG ->
            "Computers tagged "
                + (r.tagId() == null ? "?" : tags.getOrDefault(r.tagId(), r.tagId().toString()))
                + where;
        case COMPUTER_TYPES ->
            "Computers of type "
                + (r.types() == null
                    ? "?"
                    : String.join(", ", r.types().stream().map(Enum::name).toList()))
                + where;
      };
    }

    private String tenant(@Nullable UUID id, @Nullable ScopeDto s) {
      if (id == null) {
        return s != null && s.hidden() != null ? ScopeDto.HIDDEN : "?";
      }
      return tenants.getOrDefault(id, ScopeDto.HIDDEN);
    }
  }
}
