package dev.tenantry.authz.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.internal.GroupRepository.GroupRow;
import dev.tenantry.authz.internal.GroupRepository.MemberRow;
import dev.tenantry.shared.web.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups: owned by a tenant (managed with {@code groups:manage} on it) or instance-wide (a global
 * object: managed only at OWNER scope, visible to whoever holds {@code groups:view} anywhere). A
 * tenant-owned group only takes users whose person is in its tenant; adding a member is
 * anti-escalation rule 6d.
 */
@Service
public class GroupService {
  public record GroupRequest(
      @Nullable String name,
      @Nullable String description,
      @Nullable UUID ownerTenantId,
      @Nullable Long version) {}

  public record GroupView(
      UUID id,
      String name,
      String description,
      @Nullable UUID ownerTenantId,
      int memberCount,
      long version,
      @Nullable List<MemberRow> members) {
    public static GroupView of(GroupRow g, @Nullable List<MemberRow> members) {
      return new GroupView(
          g.id(),
          g.name(),
          g.description(),
          g.ownerTenantId(),
          g.memberCount(),
          g.version(),
          members);
    }
  }

  private final GroupRepository groups;
  private final AssignmentRepository assignments;
  private final Authorizer authz;
  private final AccessRules rules;
  private final AuditLog audit;

  public GroupService(
      GroupRepository groups,
      AssignmentRepository assignments,
      Authorizer authz,
      AccessRules rules,
      AuditLog audit) {
    this.groups = groups;
    this.assignments = assignments;
    this.authz = authz;
    this.rules = rules;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<GroupView> list() {
    authz.requireUser();
    boolean instanceWide = authz.check(Permission.GROUPS_VIEW, Target.globalObject(null)).allowed();
    return groups
        .listVisible(instanceWide, authz.tenants(Permission.GROUPS_VIEW).sql("g.owner_tenant_id"))
        .stream()
        .map(g -> GroupView.of(g, null))
        .toList();
  }

  /** Search-as-you-type over the visible groups (SQL-filtered and limited): for pickers. */
  @Transactional(readOnly = true)
  public List<GroupView> search(String q, int limit) {
    authz.requireUser();
    boolean instanceWide = authz.check(Permission.GROUPS_VIEW, Target.globalObject(null)).allowed();
    return groups
        .searchVisible(
            instanceWide, authz.tenants(Permission.GROUPS_VIEW).sql("g.owner_tenant_id"), q, limit)
        .stream()
        .map(g -> GroupView.of(g, null))
        .toList();
  }

  /** Names of the visible groups among {@code ids} (labels of the rows a page shows). */
  @Transactional(readOnly = true)
  public java.util.Map<UUID, String> visibleNames(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, String> out = new java.util.LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    boolean instanceWide = authz.check(Permission.GROUPS_VIEW, Target.globalObject(null)).allowed();
    groups
        .visibleAmong(
            instanceWide, authz.tenants(Permission.GROUPS_VIEW).sql("g.owner_tenant_id"), ids)
        .forEach(g -> out.put(g.id(), g.name()));
    return out;
  }

  @Transactional(readOnly = true)
  public GroupView get(UUID id) {
    return GroupView.of(visible(id), groups.members(id));
  }

  @Transactional
  public GroupView create(GroupRequest r) {
    rules.requireManageOwned(Permission.GROUPS_VIEW, Permission.GROUPS_MANAGE, r.ownerTenantId());
    UUID id = UUID.randomUUID();
    groups.insert(
        id, RoleDtos.name(r.name()), RoleDtos.description(r.description()), r.ownerTenantId());
    GroupView view = GroupView.of(groups.find(id).orElseThrow(), List.of());
    audit.record(AuditEntry.created("group.created", "group", id, r.ownerTenantId(), view));
    return view;
  }

  @Transactional
  public GroupView update(UUID id, GroupRequest r) {
    GroupRow before = manageable(id);
    if (r.ownerTenantId() != null && !r.ownerTenantId().equals(before.ownerTenantId())) {
      throw ApiException.invalid("A group's owner cannot be changed; create a new group instead");
    }
    long version = r.version() == null ? before.version() : r.version();
    if (groups.update(id, RoleDtos.name(r.name()), RoleDtos.description(r.description()), version)
        == 0) {
      throw ApiException.stale("Group", id, version, before.version());
    }
    GroupView after = GroupView.of(groups.find(id).orElseThrow(), null);
    audit.record(
        AuditEntry.changed(
            "group.updated",
            "group",
            id,
            before.ownerTenantId(),
            GroupView.of(before, null),
            after));
    return after;
  }

  @Transactional
  public void delete(UUID id) {
    GroupRow before = manageable(id);
    rules.lock();
    List<UUID> removed = assignments.idsOfGroup(id);
    removed.forEach(rules::requireCanRemove); // its assignments go with it (6g)
    rules.requireNoLockout(List.of(new PolicyChange.RemoveGroup(id)), "Deleting this group");
    GroupView view = GroupView.of(before, groups.members(id));
    groups.delete(id);
    audit.record(
        AuditEntry.deleted(
            "group.deleted",
            "group",
            id,
            before.ownerTenantId(),
            Map.of("group", view, "removedAssignments", removed)));
  }

  @Transactional(readOnly = true)
  public MemberRow member(UUID id, UUID userId) {
    visible(id);
    return groups.member(id, userId).orElseThrow(() -> ApiException.notFound("Member", userId));
  }

  @Transactional
  public MemberRow addMember(UUID id, UUID userId) {
    GroupRow g = manageable(id);
    UUID tenant = visibleUserTenant(userId);
    if (g.ownerTenantId() != null && !g.ownerTenantId().equals(tenant)) {
      throw ApiException.conflict(
          "Group '"
              + g.name()
              + "' belongs to tenant "
              + g.ownerTenantId()
              + "; only users whose person is in that tenant can be members");
    }
    var existing = groups.member(id, userId);
    if (existing.isPresent()) {
      return existing.get();
    }
    rules.lock();
    rules.requireCanAddMember(id, userId);
    authz
        .snapshot()
        .group(id)
        .ifPresent(
            node -> {
              Set<UUID> members = new HashSet<>(node.memberUserIds());
              members.add(userId);
              rules.requireNoLockout(
                  List.of(
                      new PolicyChange.UpsertGroup(
                          new GroupNode(id, node.ownerTenantId(), members))),
                  "Adding this member (the group holds a DENY)");
            });
    groups.addMember(id, userId, authz.requireUser());
    MemberRow m = groups.member(id, userId).orElseThrow();
    audit.record(AuditEntry.created("group.member-added", "group", id, g.ownerTenantId(), m));
    return m;
  }

  @Transactional
  public void removeMember(UUID id, UUID userId) {
    GroupRow g = manageable(id);
    MemberRow m =
        groups.member(id, userId).orElseThrow(() -> ApiException.notFound("Member", userId));
    rules.lock();
    rules.requireCanRemoveMember(id, userId);
    GroupNode node = authz.snapshot().group(id).orElse(null);
    if (node != null) {
      Set<UUID> left = new HashSet<>(node.memberUserIds());
      left.remove(userId);
      rules.requireNoLockout(
          List.of(new PolicyChange.UpsertGroup(new GroupNode(id, node.ownerTenantId(), left))),
          "Removing this member");
    }
    groups.removeMember(id, userId);
    audit.record(AuditEntry.deleted("group.member-removed", "group", id, g.ownerTenantId(), m));
  }

  private GroupRow visible(UUID id) {
    authz.requireUser();
    GroupRow g = groups.find(id).orElseThrow(() -> ApiException.notFound("Group", id));
    authz.requireVisible(
        Permission.GROUPS_VIEW, AccessRules.ownedBy(g.ownerTenantId()), "Group", id);
    return g;
  }

  private GroupRow manageable(UUID id) {
    GroupRow g = visible(id);
    authz.require(Permission.GROUPS_MANAGE, AccessRules.ownedBy(g.ownerTenantId()));
    return g;
  }

  /**
   * The tenant of the user's person; 404 when there is no such user or the caller cannot see users
   * there.
   */
  private UUID visibleUserTenant(UUID userId) {
    UUID tenant =
        groups.userTenant(userId).orElseThrow(() -> ApiException.notFound("User", userId));
    authz.requireVisible(Permission.USERS_VIEW, Target.tenant(tenant), "User", userId);
    return tenant;
  }
}
