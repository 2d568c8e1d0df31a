package dev.tenantry.tenancy.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.TenantMergeResult;
import dev.tenantry.tenancy.internal.PreferenceService;
import dev.tenantry.tenancy.internal.TagCommands;
import dev.tenantry.tenancy.internal.TenantAccess;
import dev.tenantry.tenancy.internal.TenantCommands;
import dev.tenantry.tenancy.internal.TenantDeletion;
import dev.tenantry.tenancy.internal.TenantMerger;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The actions of the tenant page: tags, preferences, delete and merge. Refusals come back as
 * messages.
 */
@Controller
@ConsolePage
class TenantActionPages {
  private final TenantAccess access;
  private final TagCommands tags;
  private final PreferenceService preferences;
  private final TenantDeletion deletion;
  private final TenantMerger merger;
  private final JsonMapper json;
  private final TenantCommands commands;

  TenantActionPages(
      TenantAccess access,
      TagCommands tags,
      PreferenceService preferences,
      TenantDeletion deletion,
      TenantMerger merger,
      JsonMapper json,
      TenantCommands commands) {
    this.commands = commands;
    this.access = access;
    this.tags = tags;
    this.preferences = preferences;
    this.deletion = deletion;
    this.merger = merger;
    this.json = json;
  }

  @PostMapping("/tenants/{id}/tags")
  String tag(
      @PathVariable UUID id,
      @RequestParam UUID tagId,
      @RequestParam(defaultValue = "true") boolean add,
      RedirectAttributes flash) {
    return run(
        id,
        flash,
        add ? "Tag added" : "Tag removed",
        () -> {
          access.requireTagging(id);
          if (add) {
            tags.tag(id, tagId);
          } else {
            tags.untag(id, tagId);
          }
        });
  }

  /** Sets a tenant preference; an empty value removes the tenant's own value (inherit again). */
  @PostMapping("/tenants/{id}/preferences")
  String preference(
      @PathVariable UUID id,
      @RequestParam String key,
      @RequestParam(defaultValue = "") String value,
      RedirectAttributes flash) {
    return run(
        id,
        flash,
        "Preference '" + key + "' saved",
        () -> {
          access.requireManagePreferences(id);
          ObjectNode patch = json.createObjectNode();
          patch.set(key, value.isBlank() ? json.nullNode() : parse(value.strip()));
          preferences.patch(id, patch);
        });
  }

  /** Activates or deactivates the tenant (the version guards against a stale page). */
  @PostMapping("/tenants/{id}/active")
  String active(
      @PathVariable UUID id,
      @RequestParam boolean active,
      @RequestParam long version,
      RedirectAttributes flash) {
    return run(
        id,
        flash,
        active ? "Tenant activated" : "Tenant deactivated",
        () -> {
          access.requireManage(id);
          commands.setActive(id, active, version);
        });
  }

  @PostMapping("/tenants/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      access.requireDelete(id);
      deletion.delete(id, null);
      flash.addFlashAttribute("notice", "Tenant deleted");
      return "redirect:/tenants";
    } catch (ApiException e) {
      flash.addFlashAttribute("deleteError", e.getMessage());
      return "redirect:/tenants/" + id;
    }
  }

  @PostMapping("/tenants/{id}/merge")
  String merge(
      @PathVariable UUID id,
      @RequestParam UUID targetTenantId,
      @RequestParam(defaultValue = "false") boolean repointAssignments,
      RedirectAttributes flash) {
    try {
      access.requireMerge(id, targetTenantId);
      TenantMergeResult r = merger.merge(id, targetTenantId, repointAssignments);
      flash.addFlashAttribute(
          "notice",
          "Merged: "
              + r.movedComputers()
              + " computers, "
              + r.movedPeople()
              + " people and "
              + r.movedChildTenantIds().size()
              + " child tenants moved; "
              + r.removedAssignmentIds().size()
              + " role assignments removed, "
              + r.repointedAssignmentIds().size()
              + " re-pointed");
      return "redirect:/tenants/" + targetTenantId;
    } catch (ApiException e) {
      if (e.asksToConfirmAccessChanges()) {
        throw e; // ConsoleErrors lists the access it grants and asks to confirm (§3.10)
      }
      flash.addFlashAttribute("mergeError", e.getMessage());
      return "redirect:/tenants/" + id;
    }
  }

  private String run(UUID id, RedirectAttributes flash, String done, Runnable change) {
    try {
      change.run();
      flash.addFlashAttribute("notice", done);
    } catch (ApiException e) {
      if (e.asksToConfirmAccessChanges()) {
        throw e; // ConsoleErrors lists the access it grants and asks to confirm (§3.10)
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/tenants/" + id;
  }

  /** JSON when it parses (true, 17, "x", {...}); otherwise the text as a JSON string. */
  private JsonNode parse(String value) {
    try {
      return json.readTree(value);
    } catch (RuntimeException e) {
      return json.getNodeFactory().textNode(value);
    }
  }
}
