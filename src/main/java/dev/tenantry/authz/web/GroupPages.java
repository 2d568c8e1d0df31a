package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.AssignmentRepository;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import jakarta.servlet.http.HttpServletRequest;
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
 * Users & Roles → Groups: the list, create, and a group's name, members and role assignments;
 * delete.
 */
@Controller
@ConsolePage
class GroupPages {
  private final GroupService groups;
  private final AssignmentService assignments;
  private final AssignmentPages assignmentPages;
  private final TenantLookup tenants;
  private final UserNames users;

  GroupPages(
      GroupService groups,
      AssignmentService assignments,
      AssignmentPages assignmentPages,
      TenantLookup tenants,
      UserNames users) {
    this.groups = groups;
    this.assignments = assignments;
    this.assignmentPages = assignmentPages;
    this.tenants = tenants;
    this.users = users;
  }

  @GetMapping("/users-roles/groups")
  String list(HttpServletRequest request, Model model) {
    var asked = ListPager.asked(request);
    var found = ListPager.slice(groups.list(), GroupService.GroupView::name, asked);
    var shown = found.items();
    model.addAttribute("groups", shown);
    model.addAttribute("pager", ListPager.of(request, found));
    model.addAttribute("q", asked.q() == null ? "" : asked.q());
    model.addAttribute(
        "tenantNames",
        tenants.visibleNames(
            shown.stream()
                .map(GroupService.GroupView::ownerTenantId)
                .filter(java.util.Objects::nonNull)
                .toList()));
    return Htmx.view(request, "authz/groups", "results");
  }

  @PostMapping("/users-roles/groups")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      RedirectAttributes flash) {
    try {
      var g = groups.create(new GroupService.GroupRequest(name, description, ownerTenantId, null));
      flash.addFlashAttribute("notice", "Group '" + g.name() + "' created");
      return "redirect:/users-roles/groups/" + g.id();
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/users-roles/groups";
    }
  }

  @GetMapping("/users-roles/groups/{id}")
  String group(@PathVariable UUID id, Model model) {
    var g = groups.get(id);
    model.addAttribute("group", g);
    model.addAttribute(
        "memberNames",
        users.names(
            g.members() == null
                ? java.util.List.of()
                : g.members().stream().map(m -> m.userId()).toList()));
    assignmentPages.choices(
        model, assignments.list(new AssignmentRepository.Query(null, id, null, null, null, null)));
    return "authz/group";
  }

  @PostMapping("/users-roles/groups/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      RedirectAttributes flash) {
    try {
      var g = groups.update(id, new GroupService.GroupRequest(name, description, null, version));
      flash.addFlashAttribute("notice", "Group '" + g.name() + "' saved");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/users-roles/groups/" + id;
  }

  @PostMapping("/users-roles/groups/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      String name = groups.get(id).name();
      groups.delete(id);
      flash.addFlashAttribute("notice", "Group '" + name + "' deleted with its role assignments");
      return "redirect:/users-roles/groups";
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/users-roles/groups/" + id;
    }
  }

  @PostMapping("/users-roles/groups/{id}/members")
  String member(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID userId,
      @RequestParam(defaultValue = "true") boolean add,
      RedirectAttributes flash) {
    try {
      if (userId == null) {
        throw ApiException.invalid("Choose a user");
      }
      if (add) {
        groups.addMember(id, userId);
      } else {
        groups.removeMember(id, userId);
      }
      flash.addFlashAttribute("notice", add ? "Member added" : "Member removed");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/users-roles/groups/" + id;
  }
}
