package dev.tenantry.tenancy.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import dev.tenantry.tenancy.internal.PreferenceService;
import dev.tenantry.tenancy.internal.TenantAccess;
import dev.tenantry.tenancy.internal.TenantCommands;
import dev.tenantry.tenancy.internal.TenantDraft;
import dev.tenantry.tenancy.internal.TenantReader;
import dev.tenantry.tenancy.internal.TenantRepository;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tenants: the tree, create, and the edit page (fields, tags, preferences, delete, merge). */
@Controller
@ConsolePage
class TenantPages {
  private final Tenants tenants;
  private final TenantAccess access;
  private final TenantReader reader;
  private final TenantCommands commands;
  private final PreferenceService preferences;
  private final Authorizer authorizer;
  private final TenantRepository tenantRepository;
  private final TenantTreeLevels levels;

  TenantPages(
      Tenants tenants,
      TenantAccess access,
      TenantReader reader,
      TenantCommands commands,
      PreferenceService preferences,
      Authorizer authorizer,
      TenantRepository tenantRepository,
      TenantTreeLevels levels) {
    this.levels = levels;
    this.authorizer = authorizer;
    this.tenantRepository = tenantRepository;
    this.tenants = tenants;
    this.access = access;
    this.reader = reader;
    this.commands = commands;
    this.preferences = preferences;
  }

  /** The fields of the create and edit forms. */
  record Form(
      @Nullable String name,
      @Nullable String description,
      @Nullable TenantKind kind,
      @Nullable UUID parentId,
      @Nullable UUID mspId,
      @Nullable String azureTenantId,
      @Nullable Long version) {
    TenantDraft draft() {
      return new TenantDraft(
          name == null ? "" : name.strip(),
          null,
          description == null ? "" : description,
          kind == null ? TenantKind.CLIENT : kind,
          true,
          parentId,
          mspId,
          guid(azureTenantId));
    }
  }

  @GetMapping("/tenants")
  String tree(@RequestParam(required = false) @Nullable String q, Model model) {
    model.addAttribute("level", levels.top(q, null, 0));
    model.addAttribute("q", q == null ? "" : q.strip());
    if (model.getAttribute("form") instanceof Form f && f.parentId() != null) {
      model.addAttribute("parentLabel", label(f.parentId()));
    }
    model.addAttribute("canCreate", authorizer.holdsAnywhere(Permission.TENANTS_CREATE));
    return "tenancy/tenants";
  }

  @PostMapping("/tenants")
  String create(@ModelAttribute Form form, Model model, RedirectAttributes flash) {
    try {
      access.requireCreate(form.draft());
      TenantView created = commands.create(form.draft());
      flash.addFlashAttribute("notice", "Tenant '" + created.name() + "' created");
      return "redirect:/tenants/" + created.id();
    } catch (ApiException e) {
      if (e.asksToConfirmAccessChanges()) {
        throw e; // ConsoleErrors lists the access it grants and asks to confirm (§3.10)
      }
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", form);
      return tree(null, model);
    }
  }

  @GetMapping("/tenants/{id}")
  String edit(@PathVariable UUID id, Model model) {
    access.requireView(id);
    TenantView t = reader.find(id).orElseThrow(() -> ApiException.notFound("Tenant", id));
    model.addAttribute("tenant", t);
    if (t.parentId() != null) {
      model.addAttribute("parentLabel", label(t.parentId()));
    }
    model.addAttribute("azureLink", tenantRepository.azureLink(id).orElse(null));
    model.addAttribute("preferences", preferences.effective(id));
    model.addAttribute("canManage", allowed(() -> access.requireManage(id)));
    model.addAttribute("canDelete", allowed(() -> access.requireDelete(id)));
    model.addAttribute("canTag", allowed(() -> access.requireTagging(id)));
    model.addAttribute("canPreferences", allowed(() -> access.requireManagePreferences(id)));
    return "tenancy/tenant-edit";
  }

  @PostMapping("/tenants/{id}")
  String update(
      @PathVariable UUID id, @ModelAttribute Form form, Model model, RedirectAttributes flash) {
    try {
      access.requireManage(id);
      if (form.version() == null) {
        throw ApiException.invalid("The form is missing the tenant's version; reload the page");
      }
      TenantDraft draft = form.draft();
      access.requireUpdate(
          reader.find(id).orElseThrow(() -> ApiException.notFound("Tenant", id)), draft);
      commands.update(id, draft, form.version());
      flash.addFlashAttribute("notice", "Saved");
      return "redirect:/tenants/" + id;
    } catch (ApiException e) {
      if (e.asksToConfirmAccessChanges()) {
        throw e; // ConsoleErrors lists the access it grants and asks to confirm (§3.10)
      }
      model.addAttribute("error", e.getMessage());
      return edit(id, model);
    }
  }

  static @Nullable UUID guid(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "The Entra tenant id must be a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    }
  }

  static boolean allowed(Runnable check) {
    try {
      check.run();
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /** The name of a tenant the caller may see, for a picker's chosen value ("" otherwise). */
  private String label(UUID tenantId) {
    return tenants.visibleNames(java.util.List.of(tenantId)).getOrDefault(tenantId, "");
  }
}
