package dev.tenantry.tenancy.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.tenancy.TenantView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates several linked client tenants (with tags) in one transaction, under the same rules as a
 * single create, and records them as one {@code tenants.imported} audit event (DESIGN §9). Any
 * invalid row rolls the whole import back.
 */
@Service
@Transactional
public class TenantImporter {
  private final TenantRepository tenants;
  private final TenantTree tree;
  private final TenantRules rules;
  private final TenantReader reader;
  private final TagRepository tags;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  TenantImporter(
      TenantRepository tenants,
      TenantTree tree,
      TenantRules rules,
      TenantReader reader,
      TagRepository tags,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.accessChanges = accessChanges;
    this.tenants = tenants;
    this.tree = tree;
    this.rules = rules;
    this.reader = reader;
    this.tags = tags;
    this.audit = audit;
  }

  /** One client tenant to create, linked to Entra tenant {@code azureTenantId}. */
  public record Row(String name, UUID azureTenantId, @Nullable UUID parentId, List<UUID> tagIds) {}

  /**
   * Creates and links every row in one transaction. Like any tenant creation this is a structural
   * change (DESIGN §3.10): tags (and the tree) can give assignments new tenants, so the import
   * takes the access-write lock and is reviewed before its audit event — a widening must be
   * grantable by the caller and confirmed with {@code acceptAccessChanges}.
   */
  public List<TenantView> importAll(String source, List<Row> rows) {
    accessChanges.lock();
    tree.lock();
    List<TenantView> created = new ArrayList<>();
    for (Row r : rows) {
      TenantDraft d =
          new TenantDraft(
              r.name(), null, "", TenantKind.CLIENT, true, r.parentId(), null, r.azureTenantId());
      UUID id = UUID.randomUUID();
      rules.validate(d, null);
      TenantRow parent = rules.parent(d, null);
      UUID msp = rules.mspFor(id, d, parent, null);
      String base = Slugs.from(d.name());
      String slug = base;
      for (int n = 2; tenants.slugTaken(slug, null); n++) {
        slug = base + "-" + n;
      }
      try {
        tenants.insert(
            new TenantRow(
                id,
                d.name(),
                slug,
                "",
                TenantKind.CLIENT,
                true,
                r.parentId(),
                msp,
                r.azureTenantId(),
                0));
      } catch (DuplicateKeyException e) {
        throw TenantRules.duplicate(e, d);
      }
      for (UUID tag : r.tagIds()) {
        tags.tag(id, tag);
      }
      created.add(reader.find(id).orElseThrow());
    }
    AccessChangeList gained = accessChanges.review();
    if (!created.isEmpty()) {
      audit.record(
          AuditEntry.created(
              "tenants.imported",
              "tenant",
              created.size() == 1 ? created.get(0).id() : "import",
              created.size() == 1 ? created.get(0).id() : null,
              Map.of("source", source, "tenants", created, "accessChanges", gained)));
    }
    return created;
  }
}
