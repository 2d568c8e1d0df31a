package dev.tenantry.sync.internal;

import static dev.tenantry.authz.Permission.*;

import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may do what with directory sync and tenant import. A tenant the caller may not view (with
 * {@code azure:view}) answers 404 like a missing one.
 */
@Component
public class SyncAccess {
  private final Authorizer authz;

  SyncAccess(Authorizer authz) {
    this.authz = authz;
  }

  /** The tenant's Azure tab and run history: {@code azure:view} on it. */
  public void requireView(UUID tenantId) {
    authz.requireVisible(TENANTS_VIEW, Target.tenant(tenantId), "Tenant", tenantId);
    authz.requireVisible(AZURE_VIEW, Target.tenant(tenantId), "Tenant", tenantId);
  }

  public boolean canView(UUID tenantId) {
    return authz.check(TENANTS_VIEW, Target.tenant(tenantId)).allowed()
        && authz.check(AZURE_VIEW, Target.tenant(tenantId)).allowed();
  }

  /** Starting a sync now: {@code azure:sync} (system) besides view. */
  public void requireSync(UUID tenantId) {
    requireView(tenantId);
    authz.require(AZURE_SYNC, Target.system());
  }

  public boolean canSync() {
    return authz.check(AZURE_SYNC, Target.system()).allowed();
  }

  /** Domain limits are part of the Entra link: {@code azure:link-tenant} on the tenant. */
  public void requireLink(UUID tenantId) {
    requireView(tenantId);
    authz.require(AZURE_LINK_TENANT, Target.tenant(tenantId));
  }

  public boolean canLink(UUID tenantId) {
    return authz.check(AZURE_LINK_TENANT, Target.tenant(tenantId)).allowed();
  }

  /** Previewing an import: {@code tenants:create} and {@code azure:link-tenant} somewhere. */
  public void requireImportAnywhere() {
    authz.requireUser();
    if (!authz.holdsAnywhere(TENANTS_CREATE) || !authz.holdsAnywhere(AZURE_LINK_TENANT)) {
      throw ApiException.forbidden("Importing tenants needs tenants:create and azure:link-tenant");
    }
  }

  /**
   * Importing under {@code parentId} (instance-wide for a root tenant): {@code tenants:create},
   * {@code azure:link-tenant} and, with tags, {@code tags:assign} there.
   */
  public void requireImport(@Nullable UUID parentId, boolean tagged) {
    if (parentId != null) {
      authz.requireVisible(TENANTS_VIEW, Target.tenant(parentId), "Tenant", parentId);
    }
    Target t = parentId == null ? Target.system() : Target.tenant(parentId);
    authz.require(TENANTS_CREATE, t);
    authz.require(AZURE_LINK_TENANT, t);
    if (tagged) {
      authz.require(TAGS_ASSIGN, t);
    }
  }

  public boolean mayImport(@Nullable UUID parentId, boolean tagged) {
    if (parentId != null && !authz.check(TENANTS_VIEW, Target.tenant(parentId)).allowed()) {
      return false;
    }
    Target t = parentId == null ? Target.system() : Target.tenant(parentId);
    return authz.check(TENANTS_CREATE, t).allowed()
        && authz.check(AZURE_LINK_TENANT, t).allowed()
        && (!tagged || authz.check(TAGS_ASSIGN, t).allowed());
  }

  public boolean canSeeTenant(UUID tenantId) {
    return authz.check(TENANTS_VIEW, Target.tenant(tenantId)).allowed();
  }
}
