package dev.tenantry.authz.web;

import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.AssignmentRepository;
import dev.tenantry.authz.internal.GroupRepository;
import dev.tenantry.authz.web.AccessController.CheckResponse;
import dev.tenantry.authz.web.AccessController.Match;
import dev.tenantry.authz.web.AccessController.MyAssignment;
import dev.tenantry.authz.web.AccessController.MyAssignments;
import dev.tenantry.shared.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looking at a user's access: Check Access with its explanation, and a user's groups and
 * assignments.
 */
@Component
class Inspection {
  private final Authorizer authz;
  private final GroupRepository groups;
  private final AssignmentRepository assignments;
  private final ScopeMasks masks;
  private final RoleAndGroupNames roleAndGroupNames;

  Inspection(
      Authorizer authz,
      GroupRepository groups,
      AssignmentRepository assignments,
      ScopeMasks masks,
      RoleAndGroupNames roleAndGroupNames) {
    this.masks = masks;
    this.authz = authz;
    this.groups = groups;
    this.assignments = assignments;
    this.roleAndGroupNames = roleAndGroupNames;
  }

  /** Oneself, or a user of a tenant where the caller holds users:view (else 404). */
  void requireCanInspect(UUID userId) {
    UUID me = authz.requireUser();
    if (!userId.equals(me)) {
      UUID known = authz.tenantOfUser(userId).orElse(null); // from the snapshot: no query
      UUID tenant =
          known != null
              ? known
              : groups.userTenant(userId).orElseThrow(() -> ApiException.notFound("User", userId));
      authz.requireVisible(Permission.USERS_VIEW, Target.tenant(tenant), "User", userId);
    }
  }

  /**
   * Check Access on a target the caller cannot view answers 404 exactly like a random id: otherwise
   * the engine's UNKNOWN_TARGET for a missing object versus DEFAULT_DENY for another tenant's would
   * tell which ids exist.
   */
  void requireCanSee(Target target) {
    switch (target) {
      case Target.TenantTarget t ->
          authz.requireVisible(Permission.TENANTS_VIEW, target, "Tenant", t.tenantId());
      case Target.ComputerTarget c ->
          authz.requireVisible(Permission.COMPUTERS_VIEW, target, "Computer", c.computerId());
      case Target.ObjectTarget o when o.ownerTenantId() != null ->
          authz.requireVisible(
              Permission.TENANTS_VIEW,
              Target.tenant(o.ownerTenantId()),
              "Tenant",
              o.ownerTenantId());
      default -> {}
    }
  }

  /** The decision with every matching assignment, named (one query for role names at most). */
  CheckResponse check(UUID userId, Permission p, Target target) {
    requireCanSee(target);
    Explanation e = authz.explain(userId, p, target);
    var names =
        roleAndGroupNames.of(
            e.matches().stream().map(MatchedAssignment::roleId).distinct().toList(),
            e.matches().stream()
                .filter(m -> !m.direct())
                .map(MatchedAssignment::viaGroupId)
                .distinct()
                .toList());
    ScopeDto.Masker shown = masks.forCaller();
    Map<UUID, String> roleNames = names.roles();
    Map<UUID, String> groupNames = names.groups();
    List<Match> matches =
        e.matches().stream()
            .map(
                m ->
                    new Match(
                        m.assignmentId(),
                        m.roleId(),
                        roleNames.get(m.roleId()),
                        m.effect(),
                        shown.apply(ScopeDto.of(m.scope())),
                        m.direct() ? "DIRECT" : "GROUP",
                        m.viaGroupId(),
                        m.direct() ? null : groupNames.get(m.viaGroupId())))
            .toList();
    return new CheckResponse(
        e.decision().allowed() ? "ALLOW" : "DENY", e.decision().rule(), matches);
  }

  @Transactional(readOnly = true)
  MyAssignments assignmentsOf(UUID userId) {
    Map<UUID, String> names = new HashMap<>();
    List<GroupService.GroupView> mine =
        groups.groupsOf(userId).stream()
            .peek(g -> names.put(g.id(), g.name()))
            .map(g -> GroupService.GroupView.of(g, null))
            .toList();
    ScopeDto.Masker shown = masks.forCaller();
    List<MyAssignment> out =
        assignments.ofUserAndGroups(userId).stream()
            .map(
                a ->
                    new MyAssignment(
                        AssignmentView.of(a).shownTo(shown),
                        a.groupId() == null ? "DIRECT" : "GROUP",
                        a.groupId(),
                        a.groupId() == null ? null : names.get(a.groupId())))
            .toList();
    return new MyAssignments(userId, mine, out);
  }
}
