package dev.tenantry.authz.web;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ConsolePage;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /profile: the signed-in user's groups, role assignments and effective permissions per tenant. */
@Controller
@ConsolePage
class ProfilePages {
  private final Authorizer authz;
  private final Inspection inspection;
  private final EffectivePermissions effective;
  private final ScopeLabels scopes;
  private final TenantLookup tenants;
  private final UserNames users;

  ProfilePages(
      Authorizer authz,
      Inspection inspection,
      EffectivePermissions effective,
      ScopeLabels scopes,
      TenantLookup tenants,
      UserNames users) {
    this.authz = authz;
    this.inspection = inspection;
    this.effective = effective;
    this.scopes = scopes;
    this.tenants = tenants;
    this.users = users;
  }

  @GetMapping("/profile")
  String profile(Model model) {
    UUID me = authz.requireUser();
    model.addAttribute("name", users.names(List.of(me)).getOrDefault(me, ""));
    model.addAttribute("mine", inspection.assignmentsOf(me));
    model.addAttribute("effective", effective.of(me, false));
    model.addAttribute("scopeLabels", scopes.labeller());
    model.addAttribute("tenantNames", tenants.visibleTenants());
    return "authz/profile";
  }
}
