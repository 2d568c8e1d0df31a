package dev.tenantry.authz.internal;

import static dev.tenantry.authz.internal.RoleDtos.description;
import static dev.tenantry.authz.internal.RoleDtos.keys;
import static dev.tenantry.authz.internal.RoleDtos.name;
import static dev.tenantry.authz.internal.RoleDtos.parse;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.RoleTemplates;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.internal.RoleDtos.RoleRequest;
import dev.tenantry.authz.internal.RoleDtos.RoleView;
import dev.tenantry.authz.internal.RoleRepository.RoleRow;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles (DESIGN §4): built-ins are read-only; a public role needs {@code roles:manage-public}, a
 * tenant-owned one {@code roles:manage} on its tenant; visible are public roles and roles of
 * tenants where the caller has {@code roles:view}. An edit (which needs {@code version}) is judged
 * as re-creating every live assignment of the role (DESIGN §3.6i).
 */
@Service
public class RoleService {
  private final RoleRepository roles;
  private final Authorizer authz;
  private final AccessRules rules;
  private final AuditLog audit;

  public RoleService(RoleRepository roles, Authorizer authz, AccessRules rules, AuditLog audit) {
    this.roles = roles;
    this.authz = authz;
    this.rules = rules;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<RoleView> list() {
    authz.requireUser();
    return roles.listVisible(authz.tenants(Permission.ROLES_VIEW).sql("owner_tenant_id")).stream()
        .map(RoleView::of)
        .toList();
  }

  /** Search-as-you-type over the visible roles (SQL-filtered and limited): for pickers. */
  @Transactional(readOnly = true)
  public List<RoleView> search(String q, int limit) {
    authz.requireUser();
    return roles
        .searchVisible(authz.tenants(Permission.ROLES_VIEW).sql("owner_tenant_id"), q, limit)
        .stream()
        .map(RoleView::of)
        .toList();
  }

  @Transactional(readOnly = true)
  public RoleView get(UUID id) {
    return RoleView.of(visible(id));
  }

  @Transactional
  public RoleView create(RoleRequest r) {
    return insert(
        name(r.name()),
        description(r.description()),
        r.ownerTenantId(),
        parse(r.permissions(), true));
  }

  @Transactional
  public RoleView cloneRole(UUID id, RoleDtos.CloneRequest r) {
    RoleRow source = visible(id);
    String name = r == null || r.name() == null ? source.name() + " (copy)" : name(r.name());
    return insert(
        name,
        source.description(),
        r == null ? null : r.ownerTenantId(),
        parse(source.permissions(), false));
  }

  @Transactional
  public RoleView cloneTemplate(String key, RoleDtos.CloneRequest r) {
    RoleDefinition t =
        RoleTemplates.ALL.stream()
            .filter(d -> RoleDtos.key(d).equals(key))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("Role template", key));
    String name = r == null || r.name() == null ? t.name() : name(r.name());
    return insert(name, t.description(), r == null ? null : r.ownerTenantId(), t.permissions());
  }

  @Transactional
  public RoleView update(UUID id, RoleRequest r) {
    RoleRow before = visible(id);
    if (before.builtIn()) {
      throw AccessRules.readOnly(
          "Built-in role '" + before.name() + "' is read-only; clone it to make changes");
    }
    requireManage(before.ownerTenantId());
    if (r.ownerTenantId() != null && !r.ownerTenantId().equals(before.ownerTenantId())) {
      throw ApiException.invalid("A role's owner cannot be changed; clone the role instead");
    }
    if (r.version() == null) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED, "Send the role's current version with the edit");
    }
    Set<Permission> now = parse(r.permissions(), true);
    rules.lock();
    rules.requireCanEditRole(id, now);
    rules.requireNoLockout(
        List.of(new PolicyChange.UpsertRole(new RoleNode(id, now, before.ownerTenantId()))),
        "This role edit");
    long version = r.version();
    if (roles.update(id, name(r.name()), description(r.description()), keys(now), version) == 0) {
      throw ApiException.stale("Role", id, version, before.version());
    }
    RoleView after = RoleView.of(roles.find(id).orElseThrow());
    audit.record(
        AuditEntry.changed(
            "role.updated", "role", id, before.ownerTenantId(), RoleView.of(before), after));
    return after;
  }

  @Transactional
  public void delete(UUID id) {
    RoleRow before = visible(id);
    if (before.builtIn()) {
      throw AccessRules.readOnly(
          "Built-in role '" + before.name() + "' is read-only and cannot be deleted");
    }
    requireManage(before.ownerTenantId());
    rules.lock();
    List<UUID> assignments = roles.assignmentIds(id);
    assignments.forEach(rules::requireCanRemove); // deleting the role removes its assignments (6g)
    rules.requireNoLockout(List.of(new PolicyChange.RemoveRole(id)), "Deleting this role");
    roles.delete(id);
    audit.record(
        AuditEntry.deleted(
            "role.deleted",
            "role",
            id,
            before.ownerTenantId(),
            java.util.Map.of("role", RoleView.of(before), "removedAssignments", assignments)));
  }

  private RoleView insert(
      String name, String description, @Nullable UUID owner, Set<Permission> permissions) {
    if (owner != null) {
      rules.requireManageOwned(Permission.ROLES_VIEW, Permission.ROLES_MANAGE, owner);
    }
    requireManage(owner);
    UUID id = UUID.randomUUID();
    roles.insert(id, name, description, owner, keys(permissions));
    RoleView view = RoleView.of(roles.find(id).orElseThrow());
    audit.record(AuditEntry.created("role.created", "role", id, owner, view));
    return view;
  }

  private RoleRow visible(UUID id) {
    RoleRow r = roles.find(id).orElseThrow(() -> ApiException.notFound("Role", id));
    if (r.ownerTenantId() != null) {
      authz.requireVisible(Permission.ROLES_VIEW, Target.tenant(r.ownerTenantId()), "Role", id);
    }
    authz.requireUser();
    return r;
  }

  private void requireManage(@Nullable UUID owner) {
    if (owner == null) {
      authz.require(Permission.ROLES_MANAGE_PUBLIC, Target.system());
    } else {
      authz.require(Permission.ROLES_MANAGE, Target.tenant(owner));
    }
  }
}
