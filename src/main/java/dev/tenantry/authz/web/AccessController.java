package dev.tenantry.authz.web;

import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.internal.*;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check Access and the profile (DESIGN §3.9): a decision with every matching assignment, and
 * effective permissions. Looking at another user needs {@code users:view} over that user's tenant;
 * anyone may look at themselves.
 */
@RestController
class AccessController {
  record TargetDto(@Nullable Type type, @Nullable UUID id, @Nullable UUID ownerTenantId) {
    enum Type {
      SYSTEM,
      TENANT,
      COMPUTER,
      OBJECT
    }
  }

  record CheckRequest(
      @Nullable UUID userId, @Nullable String permission, @Nullable TargetDto target) {}

  record Match(
      UUID assignmentId,
      UUID roleId,
      @Nullable String roleName,
      Effect effect,
      ScopeDto scope,
      String via,
      @Nullable UUID groupId,
      @Nullable String groupName) {}

  record CheckResponse(String decision, DecisionRule rule, List<Match> matches) {}

  record MyAssignments(
      UUID userId, List<GroupService.GroupView> groups, List<MyAssignment> assignments) {}

  record MyAssignment(
      AssignmentView assignment, String via, @Nullable UUID groupId, @Nullable String groupName) {}

  private final Authorizer authz;
  private final Inspection inspection;
  private final EffectivePermissions effective;

  AccessController(Authorizer authz, Inspection inspection, EffectivePermissions effective) {
    this.authz = authz;
    this.inspection = inspection;
    this.effective = effective;
  }

  @Requires(
      value = {Permission.USERS_VIEW},
      on = On.USER,
      note = "anyone may check themselves")
  @PostMapping("/api/v1/access/check")
  CheckResponse check(@RequestBody CheckRequest r) {
    UUID userId = ScopeDto.required(r.userId(), "userId");
    inspection.requireCanInspect(userId);
    Permission p =
        Permission.byKey(ScopeDto.required(r.permission(), "permission"))
            .orElseThrow(() -> ApiException.invalid("Unknown permission '" + r.permission() + "'"));
    return inspection.check(userId, p, target(ScopeDto.required(r.target(), "target")));
  }

  @Requires(
      value = {Permission.USERS_VIEW},
      on = On.USER,
      note = "anyone may look at themselves")
  @GetMapping("/api/v1/users/{id}/effective-permissions")
  EffectivePermissions.View userEffective(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    inspection.requireCanInspect(id);
    return effective.of(
        id, !id.equals(authz.requireUser()), Page.page(page), Math.min(100, Page.size(size)));
  }

  @Requires(
      value = {Permission.USERS_VIEW},
      on = On.USER,
      note = "anyone may look at themselves; an unknown set has no tenants")
  @GetMapping("/api/v1/users/{id}/effective-permissions/sets/{setId}/tenants")
  Page<EffectivePermissions.TenantRef> userSetTenants(
      @PathVariable UUID id,
      @PathVariable String setId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    inspection.requireCanInspect(id);
    return effective.tenantsOf(
        id, !id.equals(authz.requireUser()), setId, Page.page(page), Page.size(size));
  }

  @Requires(on = On.SELF)
  @GetMapping("/api/v1/me/effective-permissions")
  EffectivePermissions.View myEffective(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return effective.of(
        authz.requireUser(), false, Page.page(page), Math.min(100, Page.size(size)));
  }

  @Requires(on = On.SELF, note = "an unknown set has no tenants")
  @GetMapping("/api/v1/me/effective-permissions/sets/{setId}/tenants")
  Page<EffectivePermissions.TenantRef> mySetTenants(
      @PathVariable String setId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return effective.tenantsOf(authz.requireUser(), false, setId, Page.page(page), Page.size(size));
  }

  @Requires(on = On.SELF)
  @GetMapping("/api/v1/me/assignments")
  @Transactional(readOnly = true)
  MyAssignments myAssignments() {
    return inspection.assignmentsOf(authz.requireUser());
  }

  private static Target target(TargetDto t) {
    return switch (ScopeDto.required(
        t.type(), "target.type (SYSTEM, TENANT, COMPUTER or OBJECT)")) {
      case SYSTEM -> Target.system();
      case TENANT -> Target.tenant(ScopeDto.required(t.id(), "target.id"));
      case COMPUTER -> Target.computer(ScopeDto.required(t.id(), "target.id"));
      case OBJECT ->
          t.ownerTenantId() == null
              ? Target.globalObject(null)
              : Target.ownedObject(t.ownerTenantId());
    };
  }
}
