package dev.tenantry.tenancy.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantMergeResult;
import dev.tenantry.tenancy.TenantView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a source tenant into a target in one transaction: computers, people (and so their users),
 * owned roles and groups, and child tenants move to the target; assignments scoped to the source
 * are removed, or re-pointed to the target only when asked (DESIGN §6: a merge never widens access
 * silently); the source's tags and preferences are dropped; the source is deleted. Any refusal or
 * failure rolls everything back. One {@code tenant.merged} audit event lists all of it.
 */
@Service
@Transactional
public class TenantMerger {
  private final TenantCommands commands;
  private final TenantRepository tenants;
  private final TenantTree tree;
  private final MergeRepository merges;
  private final TenantReader reader;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  TenantMerger(
      TenantCommands commands,
      TenantRepository tenants,
      TenantTree tree,
      MergeRepository merges,
      TenantReader reader,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.commands = commands;
    this.tenants = tenants;
    this.tree = tree;
    this.merges = merges;
    this.reader = reader;
    this.audit = audit;
    this.accessChanges = accessChanges;
  }

  public TenantMergeResult merge(UUID sourceId, UUID targetId, boolean repointAssignments) {
    accessChanges.lock();
    tree.lock();
    TenantRow source = commands.find(sourceId);
    TenantRow target = commands.find(targetId);
    refuseImpossible(source, target);
    TenantView sourceBefore = reader.find(sourceId).orElseThrow();
    TenantView targetBefore = reader.find(targetId).orElseThrow();
    List<UUID> tags = merges.tagIds(sourceId);
    List<String> preferences = merges.preferenceKeys(sourceId);
    List<UUID> computers = merges.move("computer", "tenant_id", sourceId, targetId);
    List<UUID> people = merges.move("person", "tenant_id", sourceId, targetId);
    List<UUID> roles = merges.move("role", "owner_tenant_id", sourceId, targetId);
    List<UUID> groups = merges.move("user_group", "owner_tenant_id", sourceId, targetId);
    List<UUID> children = merges.move("tenant", "parent_id", sourceId, targetId);
    List<UUID> repointed =
        repointAssignments
            ? merges.move("role_assignment", "scope_tenant_id", sourceId, targetId)
            : List.of();
    List<UUID> removed =
        repointAssignments ? List.of() : merges.deleteAssignmentsScopedTo(sourceId);
    tree.recomputeMsp();
    List<String> broken = merges.groupsWithForeignMembers(targetId);
    if (!broken.isEmpty()) {
      throw ApiException.conflict(
          "The merge would leave groups with members outside their owning"
              + " tenant: "
              + String.join(", ", broken)
              + "; fix their membership first");
    }
    if (!tenants.delete(sourceId, source.version())) {
      throw ApiException.stale(
          "Tenant", sourceId, source.version(), commands.find(sourceId).version());
    }
    // people moving into the target widen USERS_TENANT grants (DESIGN §3.10); a re-pointed
    // assignment is a new grant at the target, allowed only to who could create it (rule 6)
    AccessChangeList gained = accessChanges.review(repointed);
    TenantMergeResult result =
        new TenantMergeResult(
            sourceId,
            targetId,
            computers.size(),
            people.size(),
            merges.usersOf(people),
            roles.size(),
            groups.size(),
            children,
            removed,
            repointed,
            tags,
            preferences,
            gained);
    audit.record(
        new AuditEntry(
            "tenant.merged",
            "tenant",
            sourceId.toString(),
            targetId,
            Map.of("source", sourceBefore, "target", targetBefore),
            result));
    return result;
  }

  private void refuseImpossible(TenantRow source, TenantRow target) {
    if (source.id().equals(target.id())) {
      throw ApiException.conflict("A tenant cannot be merged into itself");
    }
    if (tree.isSelfOrDescendant(target.id(), source.id())) {
      throw ApiException.conflict(
          "Cannot merge '" + source.name() + "' into its own descendant '" + target.name() + "'");
    }
    if (source.isMsp()) {
      throw ApiException.conflict(
          "'"
              + source.name()
              + "' is an MSP tenant; un-mark it as MSP"
              + " before merging it into another tenant");
    }
    List<String> clashes = new java.util.ArrayList<>();
    merges
        .ownedNameClashes("role", source.id(), target.id())
        .forEach(n -> clashes.add("role " + n));
    merges
        .ownedNameClashes("user_group", source.id(), target.id())
        .forEach(n -> clashes.add("group " + n));
    merges
        .personClashes(source.id(), target.id())
        .forEach(oid -> clashes.add("person with Azure object id " + oid));
    if (!clashes.isEmpty()) {
      throw ApiException.conflict(
          "Both tenants hold the same "
              + String.join(", ", clashes)
              + "; rename or remove one of them before merging");
    }
  }
}
