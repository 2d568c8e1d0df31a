package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.*;
import dev.tenantry.shared.ComputerLookup;
import dev.tenantry.shared.TenantLookup;
import java.util.HashMap;
import java.util.List;
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

  /**
   * A labeller for one request: names are looked up when a label needs them (only the tenants, tags
   * and computers that the labelled scopes name, never every visible one), once each.
   */
  Labeller labeller() {
    return new Labeller(lookup, computers);
  }

  static final class Labeller {
    private final TenantLookup lookup;
    private final ComputerLookup computerLookup;
    private final Map<UUID, String> tenants = new HashMap<>();
    private final Map<UUID, String> computers = new HashMap<>();
    private final Map<UUID, String> tags = new java.util.HashMap<>();

    Labeller(TenantLookup lookup, ComputerLookup computerLookup) {
      this.lookup = lookup;
      this.computerLookup = computerLookup;
    }

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
                + (s.tagId() == null ? "?" : tag(s.tagId()))
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
              : r.mspId() != null
                  ? " in MSP " + tenant(r.mspId(), null)
                  : hidden ? " in " + ScopeDto.HIDDEN : "";
      return switch (r.kind()) {
        case COMPUTER ->
            "Computer "
                + (r.computerId() == null
                    ? (hidden ? "you cannot see" : "?")
                    : computer(r.computerId()));
        case COMPUTER_TAG ->
            "Computers tagged " + (r.tagId() == null ? "?" : tag(r.tagId())) + where;
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
      return tenants.computeIfAbsent(
          id, t -> lookup.visibleNames(List.of(t)).getOrDefault(t, ScopeDto.HIDDEN));
    }

    private String computer(UUID id) {
      return computers.computeIfAbsent(
          id, c -> computerLookup.names(List.of(c)).getOrDefault(c, "you cannot see"));
    }

    private String tag(UUID id) {
      return tags.computeIfAbsent(
          id, g -> lookup.tagNames(List.of(g)).getOrDefault(g, g.toString()));
    }
  }
}
