package dev.tenantry.tenancy.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import dev.tenantry.tenancy.TenantView;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a tenant, only when it is empty: no computers, people (and so users), child tenants,
 * owned roles or groups, and no role assignment scoped to it. Its tags and preferences go with it.
 * An MSP tenant must be un-marked first.
 */
@Service
@Transactional
public class TenantDeletion {
  private final TenantCommands commands;
  private final TenantRepository tenants;
  private final TenantTree tree;
  private final TenantContents contents;
  private final TenantReader reader;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  TenantDeletion(
      TenantCommands commands,
      TenantRepository tenants,
      TenantTree tree,
      TenantContents contents,
      TenantReader reader,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.accessChanges = accessChanges;
    this.commands = commands;
    this.tenants = tenants;
    this.tree = tree;
    this.contents = contents;
    this.reader = reader;
    this.audit = audit;
  }

  /** Deletes the tenant; {@code version}, when given, must be current. */
  public void delete(UUID id, @Nullable Long version) {
    accessChanges.lock(); // assignments scoped to it are counted below; then the tree (one order)
    tree.lock();
    TenantRow current = version == null ? commands.find(id) : commands.current(id, version);
    if (current.isMsp()) {
      throw ApiException.conflict(
          "'"
              + current.name()
              + "' is an MSP tenant and cannot be"
              + " deleted while it is flagged MSP; un-mark it first");
    }
    Map<String, Long> remaining = contents.remaining(id);
    if (!remaining.isEmpty()) {
      String what =
          remaining.entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey())
              .collect(Collectors.joining(", "));
      throw new ApiException(
          ErrorCode.NOT_EMPTY,
          "Tenant '"
              + current.name()
              + "' is not empty ("
              + what
              + "); move or remove these first, or merge the tenant into another one",
          Map.of("remaining", remaining));
    }
    TenantView before = reader.find(id).orElseThrow();
    if (!tenants.delete(id, current.version())) {
      throw ApiException.stale("Tenant", id, current.version(), commands.find(id).version());
    }
    audit.record(AuditEntry.deleted("tenant.deleted", "tenant", id, id, before));
  }
}
