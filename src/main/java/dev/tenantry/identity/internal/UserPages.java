package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * Users & Roles → Users, and the user editor's details tab (enable, expiry, delete, impersonate).
 */
@Controller
@ConsolePage
class UserPages {
  private final UserAdmin users;
  private final ImpersonationService impersonation;
  private final IdentityAccess access;
  private final Tenants tenants;
  private final Authorizer authorizer;
  private final People people;

  UserPages(
      UserAdmin users,
      ImpersonationService impersonation,
      IdentityAccess access,
      Tenants tenants,
      Authorizer authorizer,
      People people) {
    this.people = people;
    this.authorizer = authorizer;
    this.users = users;
    this.impersonation = impersonation;
    this.access = access;
    this.tenants = tenants;
  }

  @GetMapping("/users-roles")
  String usersAndRoles() {
    return "redirect:/users-roles/users";
  }

  @GetMapping("/users-roles/users")
  String list(
      @RequestParam(required = false) @Nullable String q, HttpServletRequest request, Model model) {
    var asked = ListPager.asked(request);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute(
        "canImpersonate",
        authorizer.check(Permission.USERS_IMPERSONATE, Target.system()).allowed());
    var found = users.list(q, null, null, asked.page(), asked.size());
    var shown = found.items();
    model.addAttribute("pager", ListPager.of(request, found));
    model.addAttribute("users", shown);
    model.addAttribute(
        "tenantNames",
        tenants.visibleNames(
            shown.stream()
                .map(UserRepository.UserView::tenantId)
                .filter(java.util.Objects::nonNull)
                .toList()));
    if (!Htmx.isRequest(request)) {
      addUserForms(model);
    }
    return Htmx.view(request, "users/list", "results");
  }

  /**
   * The "Add user" forms, shown to a caller who may manage users somewhere; their tenant and person
   * are pickers over where the caller may act.
   */
  private void addUserForms(Model model) {
    model.addAttribute("canAddUsers", authorizer.holdsAnywhere(Permission.USERS_MANAGE));
    if (!model.containsAttribute("manual")) {
      model.addAttribute("manual", new ManualForm(null, "", "", "", ""));
    }
    if (model.getAttribute("manual") instanceof ManualForm m && m.tenantId() != null) {
      model.addAttribute(
          "manualTenantLabel",
          tenants.visibleNames(java.util.List.of(m.tenantId())).getOrDefault(m.tenantId(), ""));
    }
  }

  /**
   * What the manual "Add user" form sent, kept to fill the form again when the service refuses it.
   */
  record ManualForm(
      @Nullable UUID tenantId,
      String givenName,
      String familyName,
      String email,
      String azureObjectId) {}

  @PostMapping("/users-roles/users/manual")
  String addManual(
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(defaultValue = "") String givenName,
      @RequestParam(defaultValue = "") String familyName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String azureObjectId,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    try {
      if (tenantId == null) {
        throw ApiException.invalid("Choose the tenant the user belongs to");
      }
      var user =
          users.createManual(
              tenantId, givenName.trim(), familyName.trim(), email.trim(), azureObjectId);
      return added(user, flash);
    } catch (ApiException e) {
      model.addAttribute("manualError", e.getMessage());
      model.addAttribute(
          "manual", new ManualForm(tenantId, givenName, familyName, email, azureObjectId));
      model.addAttribute("addOpen", true);
      return list(null, request, model);
    }
  }

  @PostMapping("/users-roles/users/promote")
  String promote(
      @RequestParam(required = false) @Nullable UUID personId,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    try {
      if (personId == null) {
        throw ApiException.invalid("Choose the person to make a user");
      }
      var user = users.promote(personId);
      return added(user, flash);
    } catch (ApiException e) {
      model.addAttribute("promoteError", e.getMessage());
      model.addAttribute("addOpen", true);
      return list(null, request, model);
    }
  }

  /** The list, searched for the user just added (so it is shown whatever page it falls on). */
  private static String added(UserRepository.UserView user, RedirectAttributes flash) {
    flash.addFlashAttribute("notice", "User '" + user.displayName() + "' added");
    return "redirect:/users-roles/users?q="
        + URLEncoder.encode(user.displayName(), StandardCharsets.UTF_8);
  }

  @GetMapping("/users/{id}")
  String editor(@PathVariable UUID id, Model model) {
    var user = users.get(id);
    model.addAttribute(
        "canImpersonate",
        authorizer.check(Permission.USERS_IMPERSONATE, Target.system()).allowed());
    model.addAttribute("user", user);
    model.addAttribute("tenant", tenants.find(user.tenantId()).map(TenantView::name).orElse("?"));
    model.addAttribute(
        "canManage",
        allowed(() -> access.requireManageUsers(user.tenantId()))
            && authorizer.check(Permission.USERS_MANAGE, Target.tenant(user.tenantId())).allowed());
    model.addAttribute("tab", "details");
    return "users/editor";
  }

  @PostMapping("/users/{id}/access")
  String saveAccess(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "false") boolean enabled,
      @RequestParam(required = false) @Nullable String expiresAt,
      Model model,
      RedirectAttributes flash) {
    return act(
        id,
        model,
        flash,
        "Saved",
        () -> users.update(id, version, enabled, true, expiry(expiresAt)));
  }

  @PostMapping("/users/{id}/enabled")
  String setEnabled(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam boolean enabled,
      RedirectAttributes flash) {
    try {
      users.update(id, version, enabled, false, null);
      flash.addFlashAttribute("notice", enabled ? "User enabled" : "User disabled");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/users-roles/users";
  }

  @PostMapping("/users/{id}/delete")
  String delete(@PathVariable UUID id, Model model, RedirectAttributes flash) {
    String back =
        act(
            id,
            model,
            flash,
            "User deleted; the person and the history stay",
            () -> users.delete(id));
    return back.startsWith("redirect:") ? "redirect:/users-roles/users" : back;
  }

  @PostMapping("/users/{id}/impersonate")
  String impersonate(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "60") int minutes,
      Model model,
      RedirectAttributes flash) {
    String back =
        act(
            id,
            model,
            flash,
            "You are now acting as this user",
            () -> impersonation.start(id, reason, minutes));
    return back.startsWith("redirect:") ? "redirect:/" : back;
  }

  @PostMapping("/impersonation/stop")
  String stop(RedirectAttributes flash) {
    try {
      impersonation.stop();
      flash.addFlashAttribute("notice", "You are yourself again");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/users-roles/users";
  }

  /** Runs a change; on refusal shows the editor again with the message next to the forms. */
  private String act(UUID id, Model model, RedirectAttributes flash, String done, Runnable change) {
    try {
      change.run();
      flash.addFlashAttribute("notice", done);
      return "redirect:/users/" + id;
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      return editor(id, model);
    }
  }

  private static java.time.@Nullable Instant expiry(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return dev.tenantry.shared.web.InputLimits.instant(
          LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString());
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw ApiException.invalid(
          "Access expiration must be a date and time such as 2030-01-31T17:00");
    }
  }

  static boolean allowed(Runnable check) {
    try {
      check.run();
      return true;
    } catch (ApiException e) {
      return false;
    }
  }
}
