package dev.tenantry.authz.web;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.ScopeKind;
import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.AssignmentRepository;
import dev.tenantry.shared.Page;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Role assignments; the rules live in {@link AssignmentService}. */
@RestController
@RequestMapping("/api/v1/role-assignments")
class AssignmentController {
  private final AssignmentService assignments;

  AssignmentController(AssignmentService assignments) {
    this.assignments = assignments;
  }

  @Requires(
      value = {Permission.ROLE_ASSIGNMENTS_VIEW},
      on = On.LIST,
      note = "over the principal's tenant; instance-wide groups need it instance-wide")
  @GetMapping
  Page<AssignmentView> list(
      @RequestParam(required = false) @Nullable UUID userId,
      @RequestParam(required = false) @Nullable UUID groupId,
      @RequestParam(required = false) @Nullable UUID roleId,
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable ScopeKind scopeKind,
      @RequestParam(required = false) @Nullable Effect effect,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return Page.slice(
        assignments.list(
            new AssignmentRepository.Query(
                userId,
                groupId,
                roleId,
                tenantId,
                scopeKind == null ? null : scopeKind.name(),
                effect == null ? null : effect.name())),
        page,
        size);
  }

  @Requires(
      value = {Permission.ROLE_ASSIGNMENTS_MANAGE},
      on = On.ASSIGNMENT,
      note =
          "principal visible (users:view / groups:view), role visible (roles:view), anti-escalation 6a-6c over the scope")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  AssignmentView create(@RequestBody AssignmentRequest request) {
    return assignments.create(request);
  }

  @Requires(
      value = {Permission.ROLE_ASSIGNMENTS_VIEW},
      on = On.ASSIGNMENT)
  @GetMapping("/{id}")
  AssignmentView get(@PathVariable UUID id) {
    return assignments.get(id);
  }

  @Requires(
      value = {Permission.ROLE_ASSIGNMENTS_VIEW, Permission.ROLE_ASSIGNMENTS_MANAGE},
      on = On.ASSIGNMENT,
      note = "anti-escalation 6a-6c over the scope")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    assignments.delete(id);
  }
}
