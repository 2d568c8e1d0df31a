package dev.tenantry.tenancy.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place where the tenancy API decides who may do what. Every controller of this feature
 * calls exactly one of these methods before it acts, and every list applies {@link
 * #visibleTenantIds()} in its SQL.
 *
 * <p>Until the authorization engine ({@code authz}) lands, every authenticated caller is allowed
 * everything (authentication itself is enforced by the security filter chain). Wiring the engine
 * replaces the method bodies here — e.g. {@code requireManage(t)} becomes {@code
 * authorizer.require(actor, TENANTS_MANAGE, tenant(t))} and {@code visibleTenantIds()} returns the
 * snapshot's allowed ids for {@code tenants:view} — and nothing else in the feature changes.
 * Refusals must throw {@code ApiException.forbidden} (or {@code notFound} to hide existence).
 */
@Component
public class TenantAccess {

  /** May see the tenant (details, counts, tags, effective preferences). */
  public void requireView(UUID tenantId) {}

  /** May change the tenant's fields, activate/deactivate it, tag or untag it. */
  public void requireManage(UUID tenantId) {}

  /** May create a tenant under {@code parentId} (null: a root tenant). */
  public void requireCreate(@Nullable UUID parentId) {}

  /** May delete the tenant. */
  public void requireDelete(UUID tenantId) {}

  /** May merge {@code source} into {@code target} (manage both, delete the source). */
  public void requireMerge(UUID source, UUID target) {}

  /** May see the tag catalogue. */
  public void requireViewTags() {}

  /** May create, rename and delete tags. */
  public void requireManageTags() {}

  /** May read preferences of a tenant, or of the application when {@code tenantId} is null. */
  public void requireViewPreferences(@Nullable UUID tenantId) {}

  /** May change preferences of a tenant, or of the application when {@code tenantId} is null. */
  public void requireManagePreferences(@Nullable UUID tenantId) {}

  /** The tenants the caller may list; null means every tenant. */
  public @Nullable Set<UUID> visibleTenantIds() {
    return null;
  }
}
