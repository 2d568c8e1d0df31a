package dev.tenantry.authz.web;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.ScopeKind;
import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.AssignmentRepository;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Role assignments: every direct one (filterable), a user's own tab, create and remove. */
@Controller
@ConsolePage
class AssignmentPages {
  private final AssignmentService assignments;
  private final RoleService roles;
  private final GroupService groups;
  private final ScopeLabels scopes;
  private final UserNames users;
  private final TenantLookup tenants;
  private final Inspection inspection;

  AssignmentPages(
      AssignmentService assignments,
      RoleService roles,
      GroupService groups,
      ScopeLabels scopes,
      UserNames users,
      TenantLookup tenants,
      Inspection inspection) {
    this.inspection = inspection;
    this.assignments = assignments;
    this.roles = roles;
    this.groups = groups;
    this.scopes = scopes;
    this.users = users;
    this.tenants = tenants;
  }

  @GetMapping("/users-roles/assignments")
  String all(
      @RequestParam(required = false) @Nullable UUID roleId,
      @RequestParam(required = false) @Nullable String scopeKind,
      @RequestParam(required = false) @Nullable String effect,
      @RequestParam(required = false) @Nullable UUID userId,
      HttpServletRequest request,
      Model model) {
    var q =
        new AssignmentRepository.Query(userId, null, roleId, null, blank(scopeKind), blank(effect));
    model.addAttribute("filter", q);
    model.addAttribute("roleLabel", roleId == null ? "" : roleName(roleId));
    choices(model, assignments.list(q));
    return Htmx.view(request, "authz/assignments", "results");
  }

  @GetMapping("/users/{id}/assignments")
  String ofUser(@PathVariable UUID id, Model model) {
    inspection.requireCanInspect(id); // a user the caller cannot view is a 404, like a random id
    model.addAttribute(
        "user",
        new CheckAccessPages.UserRef(id, users.names(List.of(id)).getOrDefault(id, id.toString())));
    choices(
        model, assignments.list(new AssignmentRepository.Query(id, null, null, null, null, null)));
    return "authz/user-assignments";
  }

  @PostMapping("/role-assignments")
  String create(
      @ModelAttribute AssignmentForm form, @RequestParam String back, RedirectAttributes flash) {
    try {
      var created = assignments.create(form.request());
      flash.addFlashAttribute(
          "notice",
          "Assigned "
              + created.roleName()
              + " ("
              + created.effect()
              + ") at "
              + scopes.labeller().of(created.scope()));
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:" + safe(back);
  }

  @PostMapping("/role-assignments/{id}/delete")
  String delete(@PathVariable UUID id, @RequestParam String back, RedirectAttributes flash) {
    try {
      assignments.delete(id);
      flash.addFlashAttribute("notice", "Role assignment removed");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:" + safe(back);
  }

  void choices(Model model, List<AssignmentView> list) {
    model.addAttribute("assignments", list);
    model.addAttribute("scopeLabels", scopes.labeller());
    var userIds =
        new java.util.ArrayList<UUID>(
            list.stream()
                .filter(
                    a ->
                        a.principal().type() == dev.tenantry.authz.internal.PrincipalDto.Type.USER
                            && a.principal().id() != null)
                .map(a -> a.principal().id())
                .toList());
    if (model.getAttribute("filter") instanceof AssignmentRepository.Query f
        && f.userId() != null) {
      userIds.add(f.userId());
    }
    model.addAttribute("userNames", users.names(userIds)); // of the rows shown, not every user
    model.addAttribute(
        "groupNames", // of the rows shown, not every group
        groups.visibleNames(
            list.stream()
                .filter(
                    a ->
                        a.principal().type() == dev.tenantry.authz.internal.PrincipalDto.Type.GROUP
                            && a.principal().id() != null)
                .map(a -> a.principal().id())
                .toList()));
    model.addAttribute(
        "scopeKinds",
        List.of(
            ScopeKind.USERS_TENANT,
            ScopeKind.TENANT,
            ScopeKind.TENANT_TAG,
            ScopeKind.MSP,
            ScopeKind.OWNER,
            ScopeKind.RESOURCE));
    model.addAttribute("resourceKinds", ScopeDto.ResourceKind.values());
    model.addAttribute("computerTypes", dev.tenantry.authz.ComputerType.values());
    model.addAttribute("effects", Effect.values());
  }

  /** Only local paths, so the form cannot redirect elsewhere. */
  private static String safe(String back) {
    return back.startsWith("/") && !back.startsWith("//") ? back : "/users-roles/assignments";
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The name of a role the caller may see, for the filter's chosen value ("" otherwise). */
  private String roleName(UUID roleId) {
    try {
      return roles.get(roleId).name();
    } catch (ApiException e) {
      return "";
    }
  }
}
