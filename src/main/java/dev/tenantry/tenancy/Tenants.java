package dev.tenantry.tenancy;

import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.tenancy.internal.TagRepository;
import dev.tenantry.tenancy.internal.TenantAccess;
import dev.tenantry.tenancy.internal.TenantQuery;
import dev.tenantry.tenancy.internal.TenantReader;
import dev.tenantry.tenancy.internal.TenantRepository;
import dev.tenantry.tenancy.internal.TenantTree;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may ask about tenants. Read-only; no access checks (callers do their own).
 */
@Service
@Transactional(readOnly = true)
public class Tenants implements TenantLookup {
  private final TenantRepository repository;
  private final TenantReader reader;
  private final TenantTree tree;
  private final TenantAccess access;
  private final TagRepository tags;
  private final Authorizer authorizer;
  private volatile @Nullable InstanceMsp instanceMsp;

  /** The instance MSP found while this node's policy was at {@code revision}. */
  private record InstanceMsp(long revision, UUID id) {}

  Tenants(
      TenantRepository repository,
      TenantReader reader,
      TenantTree tree,
      TenantAccess access,
      TagRepository tags,
      Authorizer authorizer) {
    this.repository = repository;
    this.reader = reader;
    this.tree = tree;
    this.access = access;
    this.tags = tags;
    this.authorizer = authorizer;
  }

  /**
   * The tenants the current caller may see (by name, at most {@link Page#MAX_SIZE}): for pickers.
   */
  public List<TenantView> visibleToCaller() {
    var query = new TenantQuery(null, null, null, null, null, 0, Page.MAX_SIZE);
    return reader.page(query, access.visibleTenantIds()).items();
  }

  @Override
  public Map<UUID, String> visibleTenants() {
    Map<UUID, String> out = new LinkedHashMap<>();
    visibleToCaller().forEach(t -> out.put(t.id(), t.name()));
    return out;
  }

  @Override
  public Map<UUID, String> names(Collection<UUID> ids, int offset, int limit) {
    return repository.names(ids, offset, limit);
  }

  @Override
  public Map<UUID, String> visibleNames(Collection<UUID> ids) {
    var visible = access.visibleTenantIds();
    List<UUID> shown = ids.stream().distinct().filter(visible::allows).toList();
    return repository.names(shown, 0, Math.max(1, shown.size()));
  }

  @Override
  public Map<UUID, String> searchVisible(String q, int limit) {
    var query = new TenantQuery(q, null, null, null, null, 0, Page.size(limit));
    Map<UUID, String> out = new LinkedHashMap<>();
    reader.page(query, access.visibleTenantIds()).items().forEach(t -> out.put(t.id(), t.name()));
    return out;
  }

  /** {@link #searchVisible} among MSP tenants only (the MSP limit of tag scopes and selectors). */
  public Map<UUID, String> searchVisibleMsps(String q, int limit) {
    var query = new TenantQuery(q, TenantKind.MSP, null, null, null, 0, Page.size(limit));
    Map<UUID, String> out = new LinkedHashMap<>();
    reader.page(query, access.visibleTenantIds()).items().forEach(t -> out.put(t.id(), t.name()));
    return out;
  }

  @Override
  public Map<UUID, String> searchTags(String q, int limit) {
    Map<UUID, String> out = new LinkedHashMap<>();
    if (access.canViewTags()) {
      tags.search(q, limit).forEach(t -> out.put(t.id(), t.name()));
    }
    return out;
  }

  @Override
  public Map<UUID, String> tagNames(Collection<UUID> ids) {
    return tags.names(ids);
  }

  /** The whole tag catalogue, by name: import validation (forms search it: {@link #searchTags}). */
  public List<TagView> tagList() {
    return tags.list(null);
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

  /**
   * The instance's MSP tenant: the first MSP tenant created that is still flagged MSP. Remembered
   * per policy revision of this node: creating or deleting a tenant and changing its kind are
   * policy changes (V10), so the answer can only change with the revision; the console header asks
   * on every page.
   */
  public UUID instanceMspId() {
    long revision = authorizer.revision();
    InstanceMsp known = instanceMsp;
    if (known != null && known.revision() == revision) {
      return known.id();
    }
    UUID id =
        repository
            .firstMsp(null)
            .orElseThrow(() -> new IllegalStateException("The instance has no MSP tenant"));
    instanceMsp = new InstanceMsp(revision, id);
    return id;
  }
}
