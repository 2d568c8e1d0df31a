package dev.tenantry.authz.web;

import dev.tenantry.authz.RoleTemplates;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.web.RoleDtos.CloneRequest;
import dev.tenantry.authz.web.RoleDtos.RoleRequest;
import dev.tenantry.authz.web.RoleDtos.RoleView;
import dev.tenantry.authz.web.RoleDtos.TemplateView;
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

  @GetMapping
  List<RoleView> list() {
    return roles.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RoleView create(@RequestBody RoleRequest request) {
    return roles.create(request);
  }

  @GetMapping("/templates")
  List<TemplateView> templates() {
    authz.requireUser();
    return RoleTemplates.ALL.stream().map(TemplateView::of).toList();
  }

  @PostMapping("/templates/{key}/clone")
  @ResponseStatus(HttpStatus.CREATED)
  RoleView cloneTemplate(@PathVariable String key, @RequestBody(required = false) @Nullable CloneRequest request) {
    return roles.cloneTemplate(key, request);
  }

  @GetMapping("/{id}")
  RoleView get(@PathVariable UUID id) {
    return roles.get(id);
  }

  @PutMapping("/{id}")
  RoleView update(@PathVariable UUID id, @RequestBody RoleRequest request) {
    return roles.update(id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    roles.delete(id);
  }

  @PostMapping("/{id}/clone")
  @ResponseStatus(HttpStatus.CREATED)
  RoleView cloneRole(@PathVariable UUID id, @RequestBody(required = false) @Nullable CloneRequest request) {
    return roles.cloneRole(id, request);
  }
}
