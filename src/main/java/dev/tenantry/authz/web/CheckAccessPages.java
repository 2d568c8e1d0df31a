package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.shared.ComputerLookup;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user editor's Check Access tab: a permission and a target in, ALLOW/DENY with the explanation
 * out.
 */
@Controller
@ConsolePage
class CheckAccessPages {
  private final Inspection inspection;
  private final ScopeLabels scopes;
  private final UserNames users;
  private final TenantLookup tenants;
  private final ComputerLookup computers;

  CheckAccessPages(
      Inspection inspection,
      ScopeLabels scopes,
      UserNames users,
      TenantLookup tenants,
      ComputerLookup computers) {
    this.inspection = inspection;
    this.scopes = scopes;
    this.users = users;
    this.tenants = tenants;
    this.computers = computers;
  }

  /** What the tabs need of the user. */
  record UserRef(UUID id, String displayName) {}

  @GetMapping("/users/{id}/check-access")
  String check(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String permission,
      @RequestParam(defaultValue = "TENANT") String targetType,
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable UUID computerId,
      Model model) {
    inspection.requireCanInspect(id);
    model.addAttribute(
        "user", new UserRef(id, users.names(List.of(id)).getOrDefault(id, id.toString())));
    model.addAttribute("permissions", Permission.values());
    model.addAttribute(
        "tenantLabel",
        tenantId == null ? "" : tenants.names(List.of(tenantId), 0, 1).getOrDefault(tenantId, ""));
    model.addAttribute(
        "computerLabel",
        computerId == null
            ? ""
            : computers.names(List.of(computerId)).getOrDefault(computerId, ""));
    model.addAttribute(
        "form",
        Map.of(
            "permission",
            permission == null ? "" : permission,
            "targetType",
            targetType,
            "tenantId",
            tenantId == null ? "" : tenantId.toString(),
            "computerId",
            computerId == null ? "" : computerId.toString()));
    if (permission != null && !permission.isBlank()) {
      try {
        Permission p =
            Permission.byKey(permission)
                .orElseThrow(() -> ApiException.invalid("Unknown permission '" + permission + "'"));
        model.addAttribute(
            "result", inspection.check(id, p, target(p, targetType, tenantId, computerId)));
        model.addAttribute("scopeLabels", scopes.labeller());
        model.addAttribute("checked", p);
      } catch (ApiException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "authz/check-access";
  }

  private static Target target(
      Permission p, String type, @Nullable UUID tenantId, @Nullable UUID computerId) {
    if (p.system() || type.equals("SYSTEM")) {
      return Target.system();
    }
    if (type.equals("COMPUTER")) {
      if (computerId == null) {
        throw ApiException.invalid("Choose the computer to check");
      }
      return Target.computer(computerId);
    }
    if (tenantId == null) {
      throw ApiException.invalid("Choose the tenant to check");
    }
    return Target.tenant(tenantId);
  }
}
