package dev.tenantry.authz.web;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ConsolePage;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /profile: the signed-in user's groups, role assignments and effective permissions, summarised
 * (tenants grouped by permission set, said as "every tenant", "every tenant except …" or the first
 * tenants named), so that the page stays small on any instance; the tenants of a set are paged in
 * on demand (htmx).
 */
@Controller
@ConsolePage
class ProfilePages {
  static final int SETS = 50;
  private final Authorizer authz;
  private final Inspection inspection;
  private final EffectivePermissions effective;
  private final ScopeLabels scopes;
  private final UserNames users;

  ProfilePages(
      Authorizer authz,
      Inspection inspection,
      EffectivePermissions effective,
      ScopeLabels scopes,
      UserNames users) {
    this.authz = authz;
    this.inspection = inspection;
    this.effective = effective;
    this.scopes = scopes;
    this.users = users;
  }

  @GetMapping("/profile")
  String profile(Model model) {
    UUID me = authz.requireUser();
    model.addAttribute("name", users.names(List.of(me)).getOrDefault(me, ""));
    model.addAttribute("mine", inspection.assignmentsOf(me));
    var view = effective.of(me, false, 0, SETS);
    model.addAttribute("effective", view);
    model.addAttribute("scopeLabels", scopes.labeller());
    model.addAttribute(
        "setLabels",
        view.tenantSets().items().stream()
            .collect(
                Collectors.toMap(EffectivePermissions.PermissionSet::id, ProfilePages::label)));
    return "authz/profile";
  }

  /** The next tenants of one permission set, as list items and a "more" button (htmx). */
  @GetMapping("/profile/sets/{setId}/tenants")
  String setTenants(
      @PathVariable String setId, @RequestParam(defaultValue = "1") int page, Model model) {
    var tenants =
        effective.tenantsOf(
            authz.requireUser(), false, setId, Math.max(0, page), EffectivePermissions.LISTED);
    model.addAttribute("setId", setId);
    model.addAttribute("tenants", tenants);
    return "authz/profile :: set-tenants";
  }

  /** How a permission set's tenants read. */
  static String label(EffectivePermissions.PermissionSet s) {
    String named =
        s.tenants().stream()
            .map(EffectivePermissions.TenantRef::name)
            .collect(Collectors.joining(", "));
    return switch (s.coverage()) {
      case EVERY_TENANT -> "Every tenant";
      case EVERY_TENANT_EXCEPT -> "Every tenant except " + named;
      case TENANTS -> s.moreTenants() > 0 ? named + " and " + s.moreTenants() + " more" : named;
    };
  }
}
