package dev.tenantry.sync.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.sync.ImportRow;
import dev.tenantry.sync.internal.SyncAccess;
import dev.tenantry.sync.internal.TenantImportService;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Import client tenants linked to Entra: pick GDAP customers, or preview and import a CSV. */
@Controller
@ConsolePage
class ImportPages {
  private final TenantImportService imports;
  private final SyncAccess access;
  private final Tenants tenants;

  ImportPages(TenantImportService imports, SyncAccess access, Tenants tenants) {
    this.imports = imports;
    this.access = access;
    this.tenants = tenants;
  }

  @GetMapping("/tenants/import")
  String page(@RequestParam(defaultValue = "false") boolean gdap, Model model) {
    access.requireImportAnywhere();
    if (gdap) {
      try {
        model.addAttribute("gdapRows", imports.previewGdap());
      } catch (ApiException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    model.addAttribute("chosenTags", java.util.Map.of()); // the tags picker starts empty
    return "sync/import";
  }

  @PostMapping("/tenants/import/gdap")
  String importGdap(
      @RequestParam(required = false) @Nullable List<UUID> tids,
      @RequestParam(required = false) @Nullable UUID parentId,
      @RequestParam(required = false) @Nullable List<UUID> tagIds,
      Model model,
      RedirectAttributes flash) {
    try {
      List<TenantView> created =
          imports.importGdap(
              tids == null ? List.of() : tids, parentId, tagIds == null ? List.of() : tagIds);
      flash.addFlashAttribute("notice", imported(created.size()) + " from GDAP");
      return "redirect:/tenants";
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      return page(true, model);
    }
  }

  @PostMapping("/tenants/import/csv")
  String csv(
      @RequestParam(defaultValue = "") String csv,
      @RequestParam(defaultValue = "preview") String action,
      Model model,
      RedirectAttributes flash) {
    model.addAttribute("csv", csv);
    try {
      if ("import".equals(action)) {
        List<TenantView> created = imports.importCsv(csv);
        flash.addFlashAttribute("notice", imported(created.size()) + " from CSV");
        return "redirect:/tenants";
      }
      List<ImportRow> rows = imports.previewCsv(csv);
      model.addAttribute("csvRows", rows);
      model.addAttribute("csvOk", !rows.isEmpty() && rows.stream().allMatch(ImportRow::ok));
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      if (e.details().get("rows") instanceof List<?> bad) {
        model.addAttribute("csvRows", bad);
      }
    }
    return page(false, model);
  }

  private static String imported(int n) {
    return n == 1 ? "1 tenant imported" : n + " tenants imported";
  }
}
