package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.GroupService;
import dev.tenantry.shared.web.ConsolePage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The group picker's options: groups the caller may see whose name contains the query. */
@Controller
@ConsolePage
class GroupPickerPages {
  static final int OPTIONS = 20;
  private final GroupService groups;

  GroupPickerPages(GroupService groups) {
    this.groups = groups;
  }

  @GetMapping("/pickers/groups")
  String options(@RequestParam(defaultValue = "") String q, Model model) {
    Map<UUID, String> options = new LinkedHashMap<>();
    groups.search(q.strip(), OPTIONS).forEach(g -> options.put(g.id(), g.name()));
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }
}
