package dev.tenantry.authz.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.internal.AssignmentRepository.AssignmentRow;
import dev.tenantry.shared.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Role assignments. Visible when the caller holds {@code role-assignments:view} over the
 * principal's tenant (a user's person tenant, a group's owner; an instance-wide group's assignments
 * need it for the whole instance, i.e. at OWNER). Creating and removing one is decided by
 * anti-escalation 6a–6i ({@link AccessRules}), serialized (6j); identical assignments exist once;
 * no change leaves the instance without a full administrator (6h).
 */
@Service
public class AssignmentService {
  private final AssignmentRepository assignments;
  private final RoleRepository roles;
  private final GroupRepository groups;
  private final Authorizer authz;
  private final AccessRules rules;
  private final AuditLog audit;
  private final ScopeReferences references;
  private final ScopeMasks masks;

  public AssignmentService(
      AssignmentRepository assignments,
      RoleRepository roles,
      GroupRepository groups,
      Authorizer authz,
      AccessRules rules,
      AuditLog audit,
      ScopeReferences references,
      ScopeMasks masks) {
    this.masks = masks;
    this.assignments = assignments;
    this.roles = roles;
    this.groups = groups;
    this.authz = authz;
    this.rules = rules;
    this.audit = audit;
    this.references = references;
  }

  @Transactional(readOnly = true)
  public List<AssignmentView> list(AssignmentRepository.Query q) {
    authz.requireUser();
    boolean instanceWide = authz.check(Permission.ROLE_ASSIGNMENTS_VIEW, Target.system()).allowed();
    ScopeDto.Masker shown = masks.forCaller();
    if (q.tenantId() != null
        && !authz.check(Permission.TENANTS_VIEW, Target.tenant(q.tenantId())).allowed()) {
      return List.of(); // filtering by a tenant one cannot see answers like a random id
    }
    return assignments
        .list(
            q,
            authz
                .tenants(Permission.ROLE_ASSIGNMENTS_VIEW)
                .sql("coalesce(p.tenant_id, g.owner_tenant_id)"),
            instanceWide)
        .stream()
        .map(a -> AssignmentView.of(a).shownTo(shown))
        .toList();
  }

  @Transactional
  public AssignmentView create(AssignmentRequest r) {
    UUID me = authz.requireUser();
    Principal principal = principal(r.principal());
    UUID roleId = ScopeDto.required(r.roleId(), "roleId");
    var role =
        roles
            .find(roleId)
            .orElseThrow(() -> ApiException.invalid("Role " + roleId + " does not exist"));
    if (role.ownerTenantId() != null
        && !authz.check(Permission.ROLES_VIEW, Target.tenant(role.ownerTenantId())).allowed()) {
      throw ApiException.invalid("Role " + roleId + " does not exist");
    }
    Scope scope = ScopeDto.required(r.scope(), "scope").toScope();
    references.requireExisting(scope);
    Effect effect = r.effect() == null ? Effect.ALLOW : r.effect();
    if (r.expiresAt() != null && !r.expiresAt().isAfter(Instant.now())) {
      throw ApiException.invalid("expiresAt must be in the future");
    }
    rules.lock();
    rules.requireCanCreate(principal, roleId, scope, effect, r.expiresAt());
    UUID id = UUID.randomUUID();
    AssignmentNode node = new AssignmentNode(id, principal, roleId, scope, effect, r.expiresAt());
    if (effect == Effect.DENY) {
      rules.requireNoLockout(List.of(new PolicyChange.UpsertAssignment(node)), "This DENY");
    }
    if (assignments.existsIdentical(node)) {
      throw ApiException.duplicate(
          "An identical assignment (same principal, role, effect, scope and expiry) already exists");
    }
    assignments.insert(
        id,
        principal instanceof Principal.UserPrincipal ? principal.id() : null,
        principal instanceof Principal.GroupPrincipal ? principal.id() : null,
        roleId,
        effect.name(),
        ScopeColumns.of(scope),
        r.expiresAt(),
        me);
    AssignmentView view = AssignmentView.of(assignments.find(id).orElseThrow());
    audit.record(
        AuditEntry.created("role-assignment.created", "role-assignment", id, tenantOf(view), view));
    return view;
  }

  @Transactional
  public void delete(UUID id) {
    AssignmentView before = visible(id);
    rules.lock();
    rules.requireCanRemove(id);
    rules.requireNoLockout(
        List.of(new PolicyChange.RemoveAssignment(id)), "Removing this assignment");
    assignments.delete(id);
    audit.record(
        AuditEntry.deleted(
            "role-assignment.deleted", "role-assignment", id, tenantOf(before), before));
  }

  @Transactional(readOnly = true)
  public AssignmentView get(UUID id) {
    return visible(id).shownTo(masks.forCaller());
  }

  private AssignmentView visible(UUID id) {
    authz.requireUser();
    AssignmentRow a =
        assignments.find(id).orElseThrow(() -> ApiException.notFound("Role assignment", id));
    Target t =
        a.principalTenantId() != null ? Target.tenant(a.principalTenantId()) : Target.system();
    authz.requireVisible(Permission.ROLE_ASSIGNMENTS_VIEW, t, "Role assignment", id);
    return AssignmentView.of(a);
  }

  /** The principal must exist and be visible to the caller (users:view / groups:view), else 404. */
  private Principal principal(@Nullable PrincipalDto p) {
    if (p == null || p.type() == null || p.id() == null) {
      throw ApiException.invalid("principal {type: USER|GROUP, id} is required");
    }
    UUID id = p.id();
    return switch (p.type()) {
      case USER -> {
        UUID tenant = groups.userTenant(id).orElseThrow(() -> ApiException.notFound("User", id));
        authz.requireVisible(Permission.USERS_VIEW, Target.tenant(tenant), "User", id);
        yield Principal.user(id);
      }
      case GROUP -> {
        var g = groups.find(id).orElseThrow(() -> ApiException.notFound("Group", id));
        authz.requireVisible(
            Permission.GROUPS_VIEW, AccessRules.ownedBy(g.ownerTenantId()), "Group", id);
        yield Principal.group(id);
      }
    };
  }

  private static @Nullable UUID tenantOf(AssignmentView v) {
    return v.scope().tenantId() != null
        ? v.scope().tenantId()
        : v.scope().resource() != null ? v.scope().resource().tenantId() : null;
  }
}
