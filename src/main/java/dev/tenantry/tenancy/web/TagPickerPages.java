package dev.tenantry.tenancy.web;

import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tag picker's options (single and multi-value pickers): tags of the shared catalogue whose
 * name contains the query, for a caller who may view tags; nothing for anyone else
 * (docs/pickers.md).
 */
@Controller
@ConsolePage
class TagPickerPages {
  private final TenantLookup tenants;

  TagPickerPages(TenantLookup tenants) {
    this.tenants = tenants;
  }

  @GetMapping("/pickers/tags")
  String options(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("options", tenants.searchTags(q.strip(), TenantPickerPages.OPTIONS));
    return "shared/picker :: options";
  }
}
