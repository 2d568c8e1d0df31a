package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.RoleService;
import dev.tenantry.shared.web.ConsolePage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The role picker's options: roles the caller may see whose name contains the query. */
@Controller
@ConsolePage
class RolePickerPages {
  static final int OPTIONS = 20;
  private final RoleService roles;

  RolePickerPages(RoleService roles) {
    this.roles = roles;
  }

  @GetMapping("/pickers/roles")
  String options(@RequestParam(defaultValue = "") String q, Model model) {
    Map<UUID, String> options = new LinkedHashMap<>();
    roles.search(q.strip(), OPTIONS).forEach(r -> options.put(r.id(), r.name()));
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }
}
