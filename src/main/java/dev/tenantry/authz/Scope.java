package dev.tenantry.authz;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which targets a role assignment covers (DESIGN §2). Tenant coverage: {@code OWNER} every tenant;
 * {@code MSP(m)} m and the tenants whose msp_id is m; {@code TENANT(t, c)} t and, if c, its
 * descendants; {@code TENANT_TAG(g [, msp m])} tenants currently tagged g (of MSP m); {@code
 * USERS_TENANT} the tenant of the checked user's person; {@code RESOURCE} no tenant, only the
 * computers its selector picks.
 */
public sealed interface Scope {

  ScopeKind kind();

  /** Every tenant of the instance, including tenants created later. */
  record Owner() implements Scope {
    public ScopeKind kind() {
      return ScopeKind.OWNER;
    }
  }

  record Msp(UUID mspTenantId) implements Scope {
    public Msp {
      Objects.requireNonNull(mspTenantId, "mspTenantId");
    }

    public ScopeKind kind() {
      return ScopeKind.MSP;
    }
  }

  record Tenant(UUID tenantId, boolean includeChildren) implements Scope {
    public Tenant {
      Objects.requireNonNull(tenantId, "tenantId");
    }

    public ScopeKind kind() {
      return ScopeKind.TENANT;
    }
  }

  /**
   * Tenants currently tagged; when {@code mspId} is set, only those of that MSP (so that an MSP's
   * own administrators can use tag scopes: the reach is then the MSP, not the whole instance).
   */
  record TenantTag(UUID tagId, @Nullable UUID mspId) implements Scope {
    public TenantTag {
      Objects.requireNonNull(tagId, "tagId");
    }

    public TenantTag(UUID tagId) {
      this(tagId, null);
    }

    public ScopeKind kind() {
      return ScopeKind.TENANT_TAG;
    }
  }

  /**
   * The tenant of the user being checked (for a group assignment: of each member, evaluated per
   * member).
   */
  record UsersTenant() implements Scope {
    public ScopeKind kind() {
      return ScopeKind.USERS_TENANT;
    }
  }

  record Resource(ResourceSelector selector) implements Scope {
    public Resource {
      Objects.requireNonNull(selector, "selector");
    }

    public ScopeKind kind() {
      return ScopeKind.RESOURCE;
    }
  }

  Owner OWNER = new Owner();
  UsersTenant USERS_TENANT = new UsersTenant();

  static Scope owner() {
    return OWNER;
  }

  static Scope msp(UUID mspTenantId) {
    return new Msp(mspTenantId);
  }

  static Scope tenant(UUID tenantId, boolean includeChildren) {
    return new Tenant(tenantId, includeChildren);
  }

  static Scope tenantTag(UUID tagId) {
    return new TenantTag(tagId, null);
  }

  static Scope tenantTag(UUID tagId, @Nullable UUID mspId) {
    return new TenantTag(tagId, mspId);
  }

  static Scope usersTenant() {
    return USERS_TENANT;
  }

  static Scope resource(ResourceSelector selector) {
    return new Resource(selector);
  }

  /** True for the scopes rule 6b calls cross-tenant: OWNER, MSP and TENANT_TAG. */
  default boolean crossTenant() {
    ScopeKind k = kind();
    return k == ScopeKind.OWNER || k == ScopeKind.MSP || k == ScopeKind.TENANT_TAG;
  }
}
