package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.RoleTemplates;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.RoleDtos.CloneRequest;
import dev.tenantry.authz.internal.RoleDtos.RoleRequest;
import dev.tenantry.authz.internal.RoleDtos.RoleView;
import dev.tenantry.authz.internal.RoleDtos.TemplateView;
import dev.tenantry.shared.Page;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles and role templates; the rules live in {@link RoleService}. */
@RestController
@RequestMapping("/api/v1/roles")
class RoleController {
  private final RoleService roles;
  private final Authorizer authz;

  RoleController(RoleService roles, Authorizer authz) {
    this.roles = roles;
    this.authz = authz;
  }

  @Requires(
      value = {Permission.ROLES_VIEW},
      on = On.LIST,
      note = "public roles for every user")
  @GetMapping
  Page<RoleView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return Page.slice(roles.list(), page, size);
  }

  @Requires(
      value = {Permission.ROLES_VIEW, Permission.ROLES_MANAGE},
      on = On.ROLE,
      note =
          "on the owner tenant (404 when roles:view is not held there); a public role needs roles:manage-public")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RoleView create(@RequestBody RoleRequest request) {
    return roles.create(request);
  }

  @Requires(on = On.SELF)
  @GetMapping("/templates")
  List<TemplateView> templates() {
    authz.requireUser();
    return RoleTemplates.ALL.stream().map(TemplateView::of).toList();
  }

  @Requires(
      value = {Permission.ROLES_VIEW, Permission.ROLES_MANAGE},
      on = On.ROLE,
      note =
          "on the new owner tenant (404 when roles:view is not held there); a public role needs roles:manage-public")
  @PostMapping("/templates/{key}/clone")
  @ResponseStatus(HttpStatus.CREATED)
  RoleView cloneTemplate(
      @PathVariable String key, @RequestBody(required = false) @Nullable CloneRequest request) {
    return roles.cloneTemplate(key, request);
  }

  @Requires(
      value = {Permission.ROLES_VIEW},
      on = On.ROLE,
      note = "public roles for every user")
  @GetMapping("/{id}")
  RoleView get(@PathVariable UUID id) {
    return roles.get(id);
  }

  @Requires(
      value = {Permission.ROLES_VIEW, Permission.ROLES_MANAGE},
      on = On.ROLE,
      note =
          "public: roles:manage-public; built-ins are read-only; no widening of existing assignments (6c)")
  @PutMapping("/{id}")
  RoleView update(@PathVariable UUID id, @RequestBody RoleRequest request) {
    return roles.update(id, request);
  }

  @Requires(
      value = {Permission.ROLES_VIEW, Permission.ROLES_MANAGE},
      on = On.ROLE,
      note = "public: roles:manage-public; removes its assignments (anti-escalation)")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    roles.delete(id);
  }

  @Requires(
      value = {Permission.ROLES_VIEW, Permission.ROLES_MANAGE},
      on = On.ROLE,
      note =
          "roles:view on the source, roles:manage on the new owner (public: roles:manage-public)")
  @PostMapping("/{id}/clone")
  @ResponseStatus(HttpStatus.CREATED)
  RoleView cloneRole(
      @PathVariable UUID id, @RequestBody(required = false) @Nullable CloneRequest request) {
    return roles.cloneRole(id, request);
  }
}
