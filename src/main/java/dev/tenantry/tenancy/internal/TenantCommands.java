package dev.tenantry.tenancy.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantView;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes tenants. Each method is one transaction that writes exactly one audit event
 * when (and only when) something changed. Tree-shaping writes are serialised by {@link
 * TenantTree#lock()}; lost updates are prevented by the version check in SQL.
 */
@Service
@Transactional
public class TenantCommands {
  private final TenantRepository tenants;
  private final TenantTree tree;
  private final TenantRules rules;
  private final TenantReader reader;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  TenantCommands(
      TenantRepository tenants,
      TenantTree tree,
      TenantRules rules,
      TenantReader reader,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.tenants = tenants;
    this.tree = tree;
    this.rules = rules;
    this.reader = reader;
    this.audit = audit;
    this.accessChanges = accessChanges;
  }

  public TenantView create(TenantDraft d) {
    accessChanges.lock();
    tree.lock();
    UUID id = insert(d);
    TenantView view = view(id);
    AccessChangeList gained = accessChanges.review();
    audit.record(
        AuditEntry.created(
            "tenant.created", "tenant", id, id, AccessChanges.audited(view, gained)));
    return view;
  }

  /**
   * Validates and inserts one tenant (slug derived when not given, the Entra link recorded with who
   * and when), without an audit event or review: for {@link #create} and imports, which must hold
   * {@link AccessChanges#lock()} then {@link TenantTree#lock()} and review before their event.
   */
  UUID insert(TenantDraft d) {
    UUID id = UUID.randomUUID();
    rules.validate(d, null);
    TenantRow parent = rules.parent(d, null);
    UUID msp = rules.mspFor(id, d, parent, null);
    String slug = d.slug() != null ? d.slug() : uniqueSlug(d.name());
    TenantRow row =
        new TenantRow(
            id,
            d.name(),
            slug,
            d.description(),
            d.kind(),
            d.active(),
            d.parentId(),
            msp,
            d.azureTenantId(),
            0);
    try {
      tenants.insert(row);
    } catch (DuplicateKeyException e) {
      throw TenantRules.duplicate(e, d);
    }
    if (d.azureTenantId() != null) {
      recordAzureLink(id, true);
    }
    return id;
  }

  /** Replaces the tenant's state with {@code d} if its version is still {@code version}. */
  public TenantView update(UUID id, TenantDraft d, long version) {
    accessChanges.lock();
    tree.lock();
    TenantRow current = current(id, version);
    TenantView before = view(id);
    rules.validate(d, id);
    rules.keepLastMsp(current, d);
    rules.demotionNamesNewMsp(current, d);
    TenantRow parent = rules.parent(d, id);
    UUID msp = rules.mspFor(id, d, parent, current);
    TenantRow next =
        new TenantRow(
            id,
            d.name(),
            d.slug() != null ? d.slug() : current.slug(),
            d.description(),
            d.kind(),
            d.active(),
            d.parentId(),
            msp,
            d.azureTenantId(),
            version);
    if (next.equals(current)) {
      return before;
    }
    write(next, d, version);
    if (!Objects.equals(current.azureTenantId(), next.azureTenantId())) {
      recordAzureLink(id, next.azureTenantId() != null);
    }
    if (current.isMsp() && d.kind() != TenantKind.MSP) {
      tree.reassignMsp(id, msp);
    }
    if (!Objects.equals(current.parentId(), next.parentId())
        || current.kind() != next.kind()
        || !current.mspId().equals(next.mspId())) {
      tree.recomputeMsp();
    }
    TenantView after = view(id);
    AccessChangeList gained = accessChanges.review();
    audit.record(
        AuditEntry.changed(
            "tenant.updated", "tenant", id, id, before, AccessChanges.audited(after, gained)));
    return after;
  }

  /** Activates or deactivates; a call that changes nothing is not audited. */
  public TenantView setActive(UUID id, boolean active, @Nullable Long version) {
    TenantRow current = version == null ? find(id) : current(id, version);
    TenantView before = view(id);
    if (current.active() == active) {
      return before;
    }
    TenantRow next =
        new TenantRow(
            id,
            current.name(),
            current.slug(),
            current.description(),
            current.kind(),
            active,
            current.parentId(),
            current.mspId(),
            current.azureTenantId(),
            current.version());
    if (!tenants.update(next)) {
      throw stale(id, current.version());
    }
    TenantView after = view(id);
    audit.record(
        AuditEntry.changed(
            active ? "tenant.activated" : "tenant.deactivated", "tenant", id, id, before, after));
    return after;
  }

  private void write(TenantRow next, TenantDraft d, long version) {
    try {
      if (!tenants.update(next)) {
        throw stale(next.id(), version);
      }
    } catch (DuplicateKeyException e) {
      throw TenantRules.duplicate(e, d);
    }
  }

  private void recordAzureLink(UUID id, boolean linked) {
    Actor actor = Actors.current();
    tenants.recordAzureLink(id, linked, actor.userId(), actor.label());
  }

  TenantRow find(UUID id) {
    return tenants.find(id).orElseThrow(() -> ApiException.notFound("Tenant", id));
  }

  /** The tenant, which must still be at {@code version} (else 412). */
  TenantRow current(UUID id, long version) {
    TenantRow current = find(id);
    if (current.version() != version) {
      throw ApiException.stale("Tenant", id, version, current.version());
    }
    return current;
  }

  private ApiException stale(UUID id, long version) {
    return ApiException.stale("Tenant", id, version, find(id).version());
  }

  private TenantView view(UUID id) {
    return reader.find(id).orElseThrow(() -> ApiException.notFound("Tenant", id));
  }

  private String uniqueSlug(String name) {
    String base = Slugs.from(name);
    String slug = base;
    for (int n = 2; tenants.slugTaken(slug, null); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }
}
