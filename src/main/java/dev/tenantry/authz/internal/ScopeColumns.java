package dev.tenantry.authz.internal;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scope} as the scope columns of {@code role_assignment} (see V1); {@link PolicyRows}
 * reads them back. A computer selector's limit is in {@code scope_tenant_id}: a tenant, or an MSP
 * when {@code scope_msp_limit} (V125) is set.
 */
public record ScopeColumns(
    String scopeKind,
    @Nullable UUID scopeTenantId,
    boolean includeChildren,
    @Nullable UUID scopeTagId,
    @Nullable String resourceKind,
    @Nullable UUID resourceComputerId,
    String @Nullable [] resourceComputerTypes,
    boolean mspLimit) {

  public static final String COLUMNS =
      "scope_kind, scope_tenant_id, include_children, scope_tag_id, resource_kind,"
          + " resource_computer_id, resource_computer_types, scope_msp_limit";
  public static final String VALUES =
      ":scopeKind, :scopeTenantId, :includeChildren, :scopeTagId, :resourceKind,"
          + " :resourceComputerId, :resourceComputerTypes, :scopeMspLimit";

  /** Without an MSP limit (every scope but an MSP-limited computer selector). */
  public ScopeColumns(
      String scopeKind,
      @Nullable UUID scopeTenantId,
      boolean includeChildren,
      @Nullable UUID scopeTagId,
      @Nullable String resourceKind,
      @Nullable UUID resourceComputerId,
      String @Nullable [] resourceComputerTypes) {
    this(
        scopeKind,
        scopeTenantId,
        includeChildren,
        scopeTagId,
        resourceKind,
        resourceComputerId,
        resourceComputerTypes,
        false);
  }

  public static ScopeColumns of(Scope scope) {
    return switch (scope) {
      case Scope.Owner o -> new ScopeColumns("OWNER", null, false, null, null, null, null);
      case Scope.Msp(UUID m) -> new ScopeColumns("MSP", m, false, null, null, null, null);
      case Scope.Tenant(UUID t, boolean c) ->
          new ScopeColumns("TENANT", t, c, null, null, null, null);
      case Scope.TenantTag(UUID g, UUID m) ->
          new ScopeColumns("TENANT_TAG", m, false, g, null, null, null);
      case Scope.UsersTenant u ->
          new ScopeColumns("USERS_TENANT", null, false, null, null, null, null);
      case Scope.Resource(ResourceSelector.OneComputer(UUID c)) ->
          new ScopeColumns("RESOURCE", null, false, null, "COMPUTER", c, null);
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID t, UUID m)) ->
          new ScopeColumns(
              "RESOURCE", t != null ? t : m, false, g, "COMPUTER_TAG", null, null, m != null);
      case Scope.Resource(ResourceSelector.ComputerTypes types) ->
          new ScopeColumns(
              "RESOURCE",
              types.tenantId() != null ? types.tenantId() : types.mspId(),
              false,
              null,
              "COMPUTER_TYPES",
              null,
              types.types().stream().map(ComputerType::name).sorted().toArray(String[]::new),
              types.mspId() != null);
    };
  }

  /** Named parameters matching {@link #VALUES}. */
  public Map<String, Object> params() {
    Map<String, Object> p = new HashMap<>();
    p.put("scopeKind", scopeKind);
    p.put("scopeTenantId", scopeTenantId);
    p.put("includeChildren", includeChildren);
    p.put("scopeTagId", scopeTagId);
    p.put("resourceKind", resourceKind);
    p.put("resourceComputerId", resourceComputerId);
    p.put("resourceComputerTypes", resourceComputerTypes);
    p.put("scopeMspLimit", mspLimit);
    return p;
  }
}
