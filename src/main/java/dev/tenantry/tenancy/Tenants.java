package dev.tenantry.tenancy;

import dev.tenantry.tenancy.internal.TenantReader;
import dev.tenantry.tenancy.internal.TenantRepository;
import dev.tenantry.tenancy.internal.TenantTree;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about tenants. Read-only; no access checks (callers do their own). */
@Service
@Transactional(readOnly = true)
public class Tenants {
  private final TenantRepository repository;
  private final TenantReader reader;
  private final TenantTree tree;

  Tenants(TenantRepository repository, TenantReader reader, TenantTree tree) {
    this.repository = repository;
    this.reader = reader;
    this.tree = tree;
  }

  public boolean exists(UUID tenantId) {
    return repository.exists(tenantId);
  }

  public Optional<TenantView> find(UUID tenantId) {
    return reader.find(tenantId);
  }

  /** The ancestors of a tenant, nearest (its parent) first; empty for a root or unknown tenant. */
  public List<UUID> ancestors(UUID tenantId) {
    return tree.ancestors(tenantId);
  }

  /** The instance's MSP tenant: the first MSP tenant created that is still flagged MSP. */
  public UUID instanceMspId() {
    return repository.firstMsp(null)
        .orElseThrow(() -> new IllegalStateException("The instance has no MSP tenant"));
  }
}
