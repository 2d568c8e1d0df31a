package dev.tenantry.directory.web;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.directory.internal.ComputerCommands;
import dev.tenantry.directory.internal.ComputerQuery;
import dev.tenantry.directory.internal.ComputerService;
import dev.tenantry.directory.internal.ComputerTenantChange;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Computers, optionally of one tenant, with the batch "Change tenant" action. */
@Controller
@ConsolePage
class ComputerPages {
  private final ComputerService computers;
  private final ComputerTenantChange tenantChange;
  private final Tenants tenants;

  ComputerPages(ComputerService computers, ComputerTenantChange tenantChange, Tenants tenants) {
    this.computers = computers;
    this.tenantChange = tenantChange;
    this.tenants = tenants;
  }

  @GetMapping("/computers")
  String list(
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable ComputerType type,
      HttpServletRequest request,
      Model model) {
    var asked = ListPager.asked(request);
    var found =
        computers.list(
            new ComputerQuery(tenantId, q, type, null, asked.page(), asked.size(), asked.after()));
    var shown = found.items();
    model.addAttribute("pager", ListPager.of(request, found));
    Map<UUID, String> names =
        tenants.visibleNames(shown.stream().map(c -> c.computer().tenantId()).toList());
    model.addAttribute("computers", shown);
    model.addAttribute("tenantNames", names);
    model.addAttribute(
        "tenantLabel",
        tenantId == null ? "" : tenants.visibleNames(List.of(tenantId)).get(tenantId));
    model.addAttribute("tenantId", tenantId);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("type", type);
    model.addAttribute("types", ComputerType.values());
    return Htmx.view(request, "directory/computers", "results");
  }

  @PostMapping("/computers/change-tenant")
  String changeTenant(
      @RequestParam(name = "computerIds", required = false) @Nullable List<UUID> ids,
      @RequestParam(required = false) @Nullable UUID targetTenantId,
      @RequestParam(required = false) @Nullable UUID tenantId,
      RedirectAttributes flash) {
    try {
      if (ids == null || ids.isEmpty()) {
        throw ApiException.invalid("Select at least one computer to move");
      }
      if (targetTenantId == null) {
        throw ApiException.invalid("Choose the tenant to move the computers to");
      }
      var changed = tenantChange.change(new ComputerCommands.ChangeTenant(ids, targetTenantId));
      String target = tenants.find(targetTenantId).map(TenantView::name).orElse("the target");
      flash.addFlashAttribute(
          "notice",
          "Moved "
              + changed.moved().size()
              + " computer(s) to "
              + target
              + (changed.alreadyInTarget().isEmpty()
                  ? ""
                  : "; " + changed.alreadyInTarget().size() + " were already there"));
    } catch (ApiException e) {
      if (e.asksToConfirmAccessChanges()) {
        throw e; // ConsoleErrors lists the access it grants and asks to confirm (§3.10)
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return tenantId == null ? "redirect:/computers" : "redirect:/computers?tenantId=" + tenantId;
  }
}
