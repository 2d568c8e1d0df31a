package dev.tenantry.tenancy.internal;

import static dev.tenantry.authz.Permission.*;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.ComputerFilter;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.tenancy.TenantView;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place where the tenancy API asks the authorization engine who may do what. Every
 * controller of this feature calls one of these methods before it acts, and every list applies
 * {@link #visibleTenantIds()} in its SQL. A tenant the caller may not view answers 404 exactly like
 * a missing one; a visible tenant the caller may not change answers 403.
 */
@Component
public class TenantAccess {
  private final Authorizer authz;

  TenantAccess(Authorizer authz) {
    this.authz = authz;
  }

  /** May see the tenant (details, counts, tags). */
  public void requireView(UUID tenantId) {
    authz.requireVisible(TENANTS_VIEW, Target.tenant(tenantId), "Tenant", tenantId);
  }

  /** May change the tenant's plain fields and activate or deactivate it. */
  public void requireManage(UUID tenantId) {
    on(tenantId, TENANTS_MANAGE);
  }

  /**
   * May apply this update: besides {@code tenants:manage}, moving it in the tree needs {@code
   * tenants:move} on it and {@code tenants:manage} on the new parent (include-children scopes of
   * the parent start covering it), changing the MSP flag or the chosen MSP needs {@code
   * tenants:manage-msp}, and changing the Entra link needs {@code azure:link-tenant}.
   */
  public void requireUpdate(TenantView current, TenantDraft next) {
    requireManage(current.id());
    if (!Objects.equals(current.parentId(), next.parentId())) {
      on(current.id(), TENANTS_MOVE);
      if (next.parentId() != null) {
        on(next.parentId(), TENANTS_MANAGE);
      }
    }
    boolean mspChange =
        (current.kind() == TenantKind.MSP) != (next.kind() == TenantKind.MSP)
            || next.mspId() != null && !next.mspId().equals(current.mspId());
    if (mspChange) {
      on(current.id(), TENANTS_MANAGE_MSP);
    }
    if (!Objects.equals(current.azureTenantId(), next.azureTenantId())) {
      requireAzureLink();
    }
  }

  /**
   * Linking (or unlinking) an Entra directory makes the instance trust (or stop trusting) its
   * tokens: the system, MSP-only permission {@code azure:link-tenant}, never a tenant right.
   */
  public void requireAzureLink() {
    authz.require(AZURE_LINK_TENANT, Target.system());
  }

  /**
   * May create this tenant: {@link #requireCreate(UUID, TenantKind)}, and linking an Entra
   * directory at creation needs {@code azure:link-tenant} like any link.
   */
  public void requireCreate(TenantDraft draft) {
    requireCreate(draft.parentId(), draft.kind());
    if (draft.azureTenantId() != null) {
      requireAzureLink();
    }
  }

  /** May create a tenant under {@code parentId}; a root tenant needs the right instance-wide. */
  public void requireCreate(@Nullable UUID parentId, TenantKind kind) {
    if (parentId == null) {
      authz.require(TENANTS_CREATE, Target.system());
    } else {
      on(parentId, TENANTS_CREATE);
    }
    if (kind == TenantKind.MSP) {
      authz.require(TENANTS_MANAGE_MSP, Target.system());
    }
  }

  public void requireDelete(UUID tenantId) {
    on(tenantId, TENANTS_DELETE);
  }

  /** Merging needs {@code tenants:merge} on both tenants. */
  public void requireMerge(UUID source, UUID target) {
    on(source, TENANTS_MERGE);
    on(target, TENANTS_MERGE);
  }

  /**
   * Tagging a tenant changes what TENANT_TAG scopes cover, so it needs {@code tags:assign} on it.
   */
  public void requireTagging(UUID tenantId) {
    on(tenantId, TAGS_ASSIGN);
  }

  /** The tag catalogue is shared: any assignment holding {@code tags:view} shows it. */
  public void requireViewTags() {
    authz.require(TAGS_VIEW, Target.globalObject(null));
  }

  /** Whether the caller may see the shared tag catalogue ({@link #requireViewTags} as a test). */
  public boolean canViewTags() {
    return authz.check(TAGS_VIEW, Target.globalObject(null)).allowed();
  }

  /** Creating, renaming and deleting shared tags is an instance-wide right. */
  public void requireManageTags() {
    authz.require(TAGS_MANAGE, Target.globalObject(null));
  }

  /** Application preferences when {@code tenantId} is null, else the tenant's. */
  public void requireViewPreferences(@Nullable UUID tenantId) {
    if (tenantId == null) {
      authz.require(PREFERENCES_VIEW, Target.system());
    } else {
      requireView(tenantId);
      authz.require(TENANT_PREFERENCES_VIEW, Target.tenant(tenantId));
    }
  }

  public void requireManagePreferences(@Nullable UUID tenantId) {
    if (tenantId == null) {
      authz.require(PREFERENCES_MANAGE, Target.system());
    } else {
      requireView(tenantId);
      authz.require(TENANT_PREFERENCES_MANAGE, Target.tenant(tenantId));
    }
  }

  /** The tenants the caller may list. 403 for an identity without a user. */
  public VisibleTenants visibleTenantIds() {
    authz.requireUser();
    return authz.tenants(TENANTS_VIEW).visible();
  }

  /**
   * What the caller may count inside a tenant: children they may view ({@code tenants:view}) and
   * computers they may view ({@code computers:view}, resource scopes included), as SQL over {@code
   * ch} (tenant) and {@code c} (computer).
   */
  public CountScope countScope() {
    return new CountScope(authz.tenants(TENANTS_VIEW), authz.computers(COMPUTERS_VIEW));
  }

  /**
   * {@link #countScope()} evaluated for the given tenants only (the tenants shown and their
   * children): the same counts for those tenants, without computing the caller's grants over every
   * tenant.
   */
  public CountScope countScopeWithin(java.util.Collection<UUID> tenants) {
    return new CountScope(
        authz.tenantsWithin(TENANTS_VIEW, tenants), authz.computersWithin(COMPUTERS_VIEW, tenants));
  }

  /** The computers of one tenant the caller may view ({@code computers:view}), for its count. */
  public ComputerFilter computersIn(UUID tenantId) {
    return authz.computersWithin(COMPUTERS_VIEW, java.util.List.of(tenantId));
  }

  /** Which of these tenants (a tenant's children) the caller may view, for a count. */
  public TenantFilter visibleAmong(java.util.Collection<UUID> tenants) {
    return authz.tenantsWithin(TENANTS_VIEW, tenants);
  }

  /** What the caller may see, for counting children and computers of the tenants shown. */
  public record CountScope(TenantFilter children, ComputerFilter computers) {}

  private void on(UUID tenantId, Permission permission) {
    requireView(tenantId);
    authz.require(permission, Target.tenant(tenantId));
  }
}
