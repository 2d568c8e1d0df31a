package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of a tenant, from a create or an update. A null {@code slug} means "derive it
 * from the name" on create and "keep it" on update; {@code mspId} may only be chosen for a root
 * client tenant (otherwise it is derived from the tree).
 */
public record TenantDraft(
    String name,
    @Nullable String slug,
    String description,
    TenantKind kind,
    boolean active,
    @Nullable UUID parentId,
    @Nullable UUID mspId,
    @Nullable UUID azureTenantId) {}
