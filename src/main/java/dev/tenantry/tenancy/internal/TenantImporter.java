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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates several linked client tenants (with tags) in one transaction, under the same rules as a
 * single create ({@link TenantCommands#insert}: slugs, Entra link with who and when), and records
 * them as one {@code tenants.imported} audit event (DESIGN §9). Any invalid row rolls the whole
 * import back.
 */
@Service
@Transactional
public class TenantImporter {
  private final TenantCommands commands;
  private final TenantTree tree;
  private final TenantReader reader;
  private final TagRepository tags;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  TenantImporter(
      TenantCommands commands,
      TenantTree tree,
      TenantReader reader,
      TagRepository tags,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.accessChanges = accessChanges;
    this.commands = commands;
    this.tree = tree;
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
      UUID id =
          commands.insert(
              new TenantDraft(
                  r.name(),
                  null,
                  "",
                  TenantKind.CLIENT,
                  true,
                  r.parentId(),
                  null,
                  r.azureTenantId()));
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
