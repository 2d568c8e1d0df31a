package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters and paging of the tenant list; {@code q} matches name, slug or description. */
public record TenantQuery(
    @Nullable String q,
    @Nullable TenantKind kind,
    @Nullable Boolean active,
    @Nullable UUID parentId,
    @Nullable UUID tagId,
    int page,
    int size) {}
