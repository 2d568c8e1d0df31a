package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The stored state of a tenant that a change writes (counts, tags and timestamps excluded). */
public record TenantRow(
    UUID id,
    String name,
    String slug,
    String description,
    TenantKind kind,
    boolean active,
    @Nullable UUID parentId,
    UUID mspId,
    @Nullable UUID azureTenantId,
    long version) {

  boolean isMsp() {
    return kind == TenantKind.MSP;
  }
}
