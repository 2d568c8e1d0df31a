package dev.tenantry.authz.web;

import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.internal.AssignmentRepository;
import dev.tenantry.authz.internal.GroupRepository;
import dev.tenantry.authz.internal.RoleRepository;
import dev.tenantry.shared.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check Access and the profile (DESIGN §3.9): a decision with every matching assignment, and effective permissions.
 * Looking at another user needs {@code users:view} over that user's tenant; anyone may look at themselves.
 */
@RestController
class AccessController {
  record TargetDto(@Nullable Type type, @Nullable UUID id, @Nullable UUID ownerTenantId) {
    enum Type { SYSTEM, TENANT, COMPUTER, OBJECT }
  }

  record CheckRequest(@Nullable UUID userId, @Nullable String permission, @Nullable TargetDto target) {}

  record Match(UUID assignmentId, UUID roleId, @Nullable String roleName, Effect effect, ScopeDto scope, String via,
      @Nullable UUID groupId, @Nullable String groupName) {}

  record CheckResponse(String decision, DecisionRule rule, List<Match> matches) {}

  record MyAssignments(UUID userId, List<GroupService.GroupView> groups, List<MyAssignment> assignments) {}

  record MyAssignment(AssignmentView assignment, String via, @Nullable UUID groupId, @Nullable String groupName) {}

  private final Authorizer authz;
  private final GroupRepository groups;
  private final RoleRepository roles;
  private final AssignmentRepository assignments;
  private final EffectivePermissions effective;

  AccessController(Authorizer authz, GroupRepository groups, RoleRepository roles, AssignmentRepository assignments,
      EffectivePermissions effective) {
    this.authz = authz;
    this.groups = groups;
    this.roles = roles;
    this.assignments = assignments;
    this.effective = effective;
  }

  @PostMapping("/api/v1/access/check")
  @Transactional(readOnly = true)
  CheckResponse check(@RequestBody CheckRequest r) {
    UUID userId = ScopeDto.required(r.userId(), "userId");
    requireCanInspect(userId);
    Permission p = Permission.byKey(ScopeDto.required(r.permission(), "permission"))
        .orElseThrow(() -> ApiException.invalid("Unknown permission '" + r.permission() + "'"));
    Explanation e = authz.explain(userId, p, target(ScopeDto.required(r.target(), "target")));
    List<Match> matches = e.matches().stream().map(m -> new Match(m.assignmentId(), m.roleId(),
        roles.find(m.roleId()).map(RoleRepository.RoleRow::name).orElse(null), m.effect(), ScopeDto.of(m.scope()),
        m.direct() ? "DIRECT" : "GROUP", m.viaGroupId(),
        m.direct() ? null : groups.find(m.viaGroupId()).map(GroupRepository.GroupRow::name).orElse(null))).toList();
    return new CheckResponse(e.decision().allowed() ? "ALLOW" : "DENY", e.decision().rule(), matches);
  }

  @GetMapping("/api/v1/users/{id}/effective-permissions")
  EffectivePermissions.View userEffective(@PathVariable UUID id) {
    requireCanInspect(id);
    return effective.of(id, !id.equals(authz.requireUser()));
  }

  @GetMapping("/api/v1/me/effective-permissions")
  EffectivePermissions.View myEffective() {
    return effective.of(authz.requireUser(), false);
  }

  @GetMapping("/api/v1/me/assignments")
  @Transactional(readOnly = true)
  MyAssignments myAssignments() {
    UUID me = authz.requireUser();
    Map<UUID, String> names = new java.util.HashMap<>();
    List<GroupService.GroupView> mine = groups.groupsOf(me).stream().peek(g -> names.put(g.id(), g.name()))
        .map(g -> GroupService.GroupView.of(g, null)).toList();
    List<MyAssignment> out = assignments.ofUserAndGroups(me).stream().map(a -> new MyAssignment(AssignmentView.of(a),
        a.groupId() == null ? "DIRECT" : "GROUP", a.groupId(), a.groupId() == null ? null : names.get(a.groupId())))
        .toList();
    return new MyAssignments(me, mine, out);
  }

  private void requireCanInspect(UUID userId) {
    UUID me = authz.requireUser();
    if (!userId.equals(me)) {
      UUID tenant = groups.userTenant(userId).orElseThrow(() -> ApiException.notFound("User", userId));
      authz.requireVisible(Permission.USERS_VIEW, Target.tenant(tenant), "User", userId);
    }
  }

  private static Target target(TargetDto t) {
    return switch (ScopeDto.required(t.type(), "target.type (SYSTEM, TENANT, COMPUTER or OBJECT)")) {
      case SYSTEM -> Target.system();
      case TENANT -> Target.tenant(ScopeDto.required(t.id(), "target.id"));
      case COMPUTER -> Target.computer(ScopeDto.required(t.id(), "target.id"));
      case OBJECT -> t.ownerTenantId() == null ? Target.globalObject(null) : Target.ownedObject(t.ownerTenantId());
    };
  }
}
