package dev.tenantry.library.web;

import dev.tenantry.library.internal.LibraryOwnership;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
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
 * The editors' "Owner and publishing" form (templates/library/ownership.html) for scripts,
 * software, tasks, media and licenses, and its owner picker: only tenants the caller may manage
 * objects of that kind in (DESIGN §7), searched as you type.
 */
@Controller
@ConsolePage
class LibraryOwnershipPages {
  static final int OPTIONS = 20;
  private final LibraryOwnership ownership;

  LibraryOwnershipPages(LibraryOwnership ownership) {
    this.ownership = ownership;
  }

  /**
   * {@code reach}: {@code owned} (by the chosen tenant, or the current owner), {@code visible}
   * (owned, readable by every tenant: scripts and tasks) or {@code global}.
   */
  @PostMapping("/library/{kind:scripts|software|tasks|media|licenses}/{id}/ownership")
  String change(
      @PathVariable String kind,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(defaultValue = "owned") String reach,
      RedirectAttributes flash) {
    boolean global =
        switch (reach) {
          case "owned", "visible" -> false;
          case "global" -> true;
          default -> throw ApiException.invalid("reach: one of owned, visible, global");
        };
    ownership.change(
        kind, id, version, global ? null : ownerTenantId, global, reach.equals("visible"));
    flash.addFlashAttribute("notice", "Owner and publishing saved");
    return "redirect:/library/" + kind + "/" + id;
  }

  @GetMapping("/pickers/{kind:scripts|software|tasks|media|licenses}-owners")
  String owners(@PathVariable String kind, @RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("options", ownership.owners(kind, q, OPTIONS));
    return "shared/picker :: options";
  }
}
