package dev.tenantry.tenancy;

import dev.tenantry.tenancy.internal.TenantImporter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Creates client tenants linked to Entra tenants, several at once (GDAP or CSV import): one
 * transaction, one audit event. No access check here: the caller checks {@code tenants:create},
 * {@code azure:link-tenant} and tagging on each parent first.
 */
@Service
public class TenantImports {
  private final TenantImporter importer;

  TenantImports(TenantImporter importer) {
    this.importer = importer;
  }

  /** A tenant to create: its name, Entra tenant id, optional parent and tags. */
  public record NewTenant(
      String name, UUID azureTenantId, @Nullable UUID parentId, List<UUID> tagIds) {}

  public List<TenantView> create(String source, List<NewTenant> tenants) {
    return importer.importAll(
        source,
        tenants.stream()
            .map(t -> new TenantImporter.Row(t.name(), t.azureTenantId(), t.parentId(), t.tagIds()))
            .toList());
  }
}
