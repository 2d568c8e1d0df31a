package dev.tenantry.authz.web;

import dev.tenantry.authz.RoleTemplates;
import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.RoleDtos.RoleRequest;
import dev.tenantry.authz.internal.RoleDtos.RoleView;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users & Roles → Roles: the list, and the editor (built-ins read-only; custom roles created,
 * edited, cloned).
 */
@Controller
@ConsolePage
class RolePages {
  private final RoleService roles;
  private final TenantLookup tenants;

  RolePages(RoleService roles, TenantLookup tenants) {
    this.roles = roles;
    this.tenants = tenants;
  }

  @GetMapping("/users-roles/roles")
  String list(HttpServletRequest request, Model model) {
    var asked = ListPager.asked(request);
    var found = ListPager.slice(roles.list(), RoleView::name, asked);
    var shown = found.items();
    model.addAttribute("roles", shown);
    model.addAttribute("pager", ListPager.of(request, found));
    model.addAttribute("q", asked.q() == null ? "" : asked.q());
    model.addAttribute(
        "templates", RoleTemplates.ALL.stream().map(RoleDtos.TemplateView::of).toList());
    model.addAttribute(
        "tenantNames",
        tenants.visibleNames(
            shown.stream().map(RoleView::ownerTenantId).filter(Objects::nonNull).toList()));
    return Htmx.view(request, "authz/roles", "results");
  }

  @GetMapping("/users-roles/roles/new")
  String create(Model model) {
    return editor(model, null, new RoleRequest("", "", null, List.of(), null));
  }

  @GetMapping("/users-roles/roles/{id}")
  String edit(@PathVariable UUID id, Model model) {
    RoleView r = roles.get(id);
    return editor(
        model,
        r,
        new RoleRequest(
            r.name(), r.description(), r.ownerTenantId(), r.permissions(), r.version()));
  }

  @PostMapping("/users-roles/roles")
  String save(
      @RequestParam(required = false) @Nullable UUID id,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(name = "permissions", required = false) @Nullable List<String> permissions,
      @RequestParam(required = false) @Nullable Long version,
      Model model,
      RedirectAttributes flash) {
    var request =
        new RoleRequest(
            name,
            description,
            ownerTenantId,
            permissions == null ? List.of() : permissions,
            version);
    try {
      RoleView saved = id == null ? roles.create(request) : roles.update(id, request);
      flash.addFlashAttribute(
          "notice",
          "Role '"
              + saved.name()
              + "' saved"
              + (saved.warnings().isEmpty() ? "" : " — " + String.join("; ", saved.warnings())));
      return "redirect:/users-roles/roles/" + saved.id();
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      return editor(model, id == null ? null : roles.get(id), request);
    }
  }

  @PostMapping("/users-roles/roles/{id}/clone")
  String cloneRole(@PathVariable UUID id, RedirectAttributes flash) {
    RoleView copy = roles.cloneRole(id, null);
    flash.addFlashAttribute("notice", "Cloned into '" + copy.name() + "'; edit it below");
    return "redirect:/users-roles/roles/" + copy.id();
  }

  @PostMapping("/users-roles/roles/templates/{key}")
  String fromTemplate(@PathVariable String key, RedirectAttributes flash) {
    RoleView copy = roles.cloneTemplate(key, null);
    flash.addFlashAttribute(
        "notice", "Created '" + copy.name() + "' from the template; edit it below");
    return "redirect:/users-roles/roles/" + copy.id();
  }

  @PostMapping("/users-roles/roles/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      roles.delete(id);
      flash.addFlashAttribute("notice", "Role deleted");
      return "redirect:/users-roles/roles";
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/users-roles/roles/" + id;
    }
  }

  private String editor(Model model, @Nullable RoleView role, RoleRequest form) {
    model.addAttribute("role", role);
    model.addAttribute("form", form);
    model.addAttribute("readOnly", role != null && role.builtIn());
    model.addAttribute("groups", PermissionGroups.all());
    UUID owner = form.ownerTenantId();
    model.addAttribute(
        "ownerLabel",
        owner == null ? "" : tenants.visibleNames(List.of(owner)).getOrDefault(owner, ""));
    return "authz/role-editor";
  }
}
