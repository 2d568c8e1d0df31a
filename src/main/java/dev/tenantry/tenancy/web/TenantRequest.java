package dev.tenantry.tenancy.web;

import dev.tenantry.authz.TenantKind;
import dev.tenantry.tenancy.internal.TenantDraft;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of create (POST) and replace (PUT). Defaults: description "", kind CLIENT, active true; slug
 * absent = derived from the name (create) or kept (replace); parentId and azureTenantId absent =
 * none; mspId only for a root client (default: the instance's MSP, or the one it has).
 */
record TenantRequest(
    @Nullable String name,
    @Nullable String slug,
    @Nullable String description,
    @Nullable TenantKind kind,
    @Nullable Boolean active,
    @Nullable UUID parentId,
    @Nullable UUID mspId,
    @Nullable UUID azureTenantId,
    @Nullable Long version) {

  @SuppressWarnings("NullAway")
  TenantDraft draft() {
    return new TenantDraft(
        name,
        slug,
        description == null ? "" : description,
        kind == null ? TenantKind.CLIENT : kind,
        active == null || active,
        parentId,
        mspId,
        azureTenantId);
  }
}
