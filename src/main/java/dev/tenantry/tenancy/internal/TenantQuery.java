package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging of the tenant list; {@code q} matches name, slug or description. {@code after}
 * is a keyset cursor from a previous page's {@code next}; with it, {@code page} is ignored.
 */
public record TenantQuery(
    @Nullable String q,
    @Nullable TenantKind kind,
    @Nullable Boolean active,
    @Nullable UUID parentId,
    @Nullable UUID tagId,
    int page,
    int size,
    @Nullable String after) {

  public TenantQuery(
      @Nullable String q,
      @Nullable TenantKind kind,
      @Nullable Boolean active,
      @Nullable UUID parentId,
      @Nullable UUID tagId,
      int page,
      int size) {
    this(q, kind, active, parentId, tagId, page, size, null);
  }
}
