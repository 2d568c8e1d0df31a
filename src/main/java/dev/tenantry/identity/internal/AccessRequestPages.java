package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
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

/** Users & Roles → Access requests: approve with a tenant, role, scope and expiry, or deny. */
@Controller
@ConsolePage
class AccessRequestPages {
  private final AccessRequests requests;
  private final Tenants tenants;

  AccessRequestPages(AccessRequests requests, Tenants tenants) {
    this.requests = requests;
    this.tenants = tenants;
  }

  /** The approval form. */
  record Approve(
      @Nullable UUID tenantId,
      @Nullable UUID roleId,
      @Nullable String scopeKind,
      @Nullable UUID scopeTenantId,
      @Nullable Boolean includeChildren,
      @Nullable UUID tagId,
      AccessRequests.@Nullable Expiry expiry) {}

  @GetMapping("/users-roles/access-requests")
  String list(@RequestParam(defaultValue = "PENDING") String status, Model model) {
    String s = status.toUpperCase();
    model.addAttribute("status", s);
    model.addAttribute("requests", requests.list(s));
    model.addAttribute("expiries", AccessRequests.Expiry.values());
    return "users/access-requests";
  }

  @PostMapping("/users-roles/access-requests/{id}/approve")
  String approve(@PathVariable UUID id, @ModelAttribute Approve form, RedirectAttributes flash) {
    try {
      if (form.scopeKind() == null || form.scopeKind().isBlank()) {
        throw ApiException.invalid("Choose a scope");
      }
      UUID scopeTenant = form.scopeTenantId();
      var scope =
          new ScopeInput(form.scopeKind(), scopeTenant, form.includeChildren(), form.tagId());
      var r =
          requests.approve(
              id,
              new AccessRequests.Approval(form.tenantId(), form.roleId(), scope, form.expiry()));
      flash.addFlashAttribute("notice", "Access granted to " + r.name());
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorFor", id);
    }
    return "redirect:/users-roles/access-requests";
  }

  @PostMapping("/users-roles/access-requests/{id}/deny")
  String deny(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    try {
      var r = requests.deny(id, reason.strip());
      flash.addFlashAttribute("notice", "Access request of " + r.name() + " denied");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorFor", id);
    }
    return "redirect:/users-roles/access-requests";
  }
}
