package dev.tenantry.tenancy.web;

import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.internal.TenantAccess;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tenant tree's htmx fragments: the next page of roots or of search results, and a tenant's
 * children when it is expanded (a tenant the caller may not view answers 404, like a random id).
 */
@Controller
@ConsolePage
class TenantTreePages {
  private final TenantTreeLevels levels;
  private final TenantAccess access;

  TenantTreePages(TenantTreeLevels levels, TenantAccess access) {
    this.levels = levels;
    this.access = access;
  }

  /** Without {@code after}: the whole level (a new search); with it: the next page's items. */
  @GetMapping("/tenants/tree")
  String top(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(defaultValue = "0") long shown,
      Model model) {
    model.addAttribute("level", levels.top(q, after, Math.max(0, shown)));
    model.addAttribute("q", q == null ? "" : q.strip());
    return after == null ? "tenancy/tenants :: level" : "tenancy/tenants :: items";
  }

  @GetMapping("/tenants/{id}/children")
  String children(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(defaultValue = "0") long shown,
      Model model) {
    access.requireView(id);
    model.addAttribute("level", levels.children(id, after, Math.max(0, shown)));
    model.addAttribute("q", "");
    return "tenancy/tenants :: items";
  }
}
