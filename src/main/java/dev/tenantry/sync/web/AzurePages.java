package dev.tenantry.sync.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.sync.SyncRun;
import dev.tenantry.sync.internal.DirectorySyncs;
import dev.tenantry.sync.internal.SyncAccess;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's Azure tab: its Entra link and domain limits, "Sync Azure Details" and the last runs,
 * whose table polls itself (htmx) while a run is going on.
 */
@Controller
@ConsolePage
class AzurePages {
  private final DirectorySyncs syncs;
  private final SyncAccess access;
  private final Tenants tenants;

  AzurePages(DirectorySyncs syncs, SyncAccess access, Tenants tenants) {
    this.syncs = syncs;
    this.access = access;
    this.tenants = tenants;
  }

  @GetMapping("/tenants/{id}/azure")
  String tab(@PathVariable UUID id, Model model, HttpServletRequest request) {
    access.requireView(id);
    TenantView tenant = tenants.find(id).orElseThrow(() -> ApiException.notFound("Tenant", id));
    List<SyncRun> runs = syncs.recent(id, 10);
    model.addAttribute("tenant", tenant);
    model.addAttribute("link", syncs.link(id));
    model.addAttribute("runs", runs);
    model.addAttribute("running", runs.stream().anyMatch(SyncRun::running));
    model.addAttribute("canSync", access.canSync());
    model.addAttribute("canLink", access.canLink(id));
    return Htmx.view(request, "sync/azure-tab", "runs");
  }

  @PostMapping("/tenants/{id}/azure/sync")
  String syncNow(@PathVariable UUID id, RedirectAttributes flash) {
    access.requireSync(id);
    try {
      syncs.startNow(id);
      flash.addFlashAttribute("notice", "Sync started");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/tenants/" + id + "/azure";
  }

  @PostMapping("/tenants/{id}/azure/domains")
  String domains(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") @Nullable String domains,
      RedirectAttributes flash) {
    access.requireLink(id);
    try {
      syncs.limitDomains(id, Arrays.asList((domains == null ? "" : domains).split("[,;\\s]+")));
      flash.addFlashAttribute("notice", "Domain limits saved");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/tenants/" + id + "/azure";
  }
}
