package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.GroupService;
import dev.tenantry.authz.internal.RoleService;
import dev.tenantry.shared.web.ConsolePage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The role and group pickers' options: roles or groups the caller may see (the services' own
 * visibility, in SQL) whose name contains the query.
 */
@Controller
@ConsolePage
class AuthzPickerPages {
  static final int OPTIONS = 20;
  private final RoleService roles;
  private final GroupService groups;

  AuthzPickerPages(RoleService roles, GroupService groups) {
    this.roles = roles;
    this.groups = groups;
  }

  @GetMapping("/pickers/roles")
  String roles(@RequestParam(defaultValue = "") String q, Model model) {
    return options(roles.search(q.strip(), OPTIONS), r -> r.id(), r -> r.name(), model);
  }

  @GetMapping("/pickers/groups")
  String groups(@RequestParam(defaultValue = "") String q, Model model) {
    return options(groups.search(q.strip(), OPTIONS), g -> g.id(), g -> g.name(), model);
  }

  private static <T> String options(
      List<T> found, Function<T, UUID> id, Function<T, String> name, Model model) {
    Map<UUID, String> options = new LinkedHashMap<>();
    found.forEach(t -> options.put(id.apply(t), name.apply(t)));
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }
}
