package dev.tenantry.tenancy.web;

import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tenant picker's options: tenants the caller may see whose name contains the query. */
@Controller
@ConsolePage
class TenantPickerPages {
  static final int OPTIONS = 20;
  private final TenantLookup tenants;
  private final Tenants msps;

  TenantPickerPages(TenantLookup tenants, Tenants msps) {
    this.tenants = tenants;
    this.msps = msps;
  }

  @GetMapping("/pickers/tenants")
  String options(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("options", tenants.searchVisible(q.strip(), OPTIONS));
    return "shared/picker :: options";
  }

  /** The same among MSP tenants only: the MSP limit of tag scopes and computer selectors. */
  @GetMapping("/pickers/msps")
  String msps(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("options", msps.searchVisibleMsps(q.strip(), OPTIONS));
    return "shared/picker :: options";
  }
}
