package dev.tenantry.maintenance.web;

import dev.tenantry.maintenance.internal.ScheduleService;
import dev.tenantry.maintenance.internal.ScheduleViews;
import dev.tenantry.maintenance.internal.Windows;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Schedules in the console: the list, the editor with its next runs (htmx previews them while the
 * cron is typed), and the tenant's Schedules tab with the maintenance window and its source.
 */
@Controller
@ConsolePage
class SchedulePages {
  private final ScheduleService schedules;
  private final Windows windows;
  private final Tenants tenants;

  SchedulePages(ScheduleService schedules, Windows windows, Tenants tenants) {
    this.schedules = schedules;
    this.windows = windows;
    this.tenants = tenants;
  }

  /** The editor's form. */
  public static final class Form {
    public @Nullable UUID tenantId;
    public @Nullable String scope;
    public @Nullable UUID mspId;
    public String name = "";
    public String cron = "0 3 * * 1-5";
    public @Nullable String windowStart;
    public @Nullable String windowEnd;
    public @Nullable String timeZone;
    public String targetKind = "TENANT";
    public boolean includeChildren;
    public String computerIds = "";
    public @Nullable List<UUID> tagIds;
    public boolean enabled;
    public long version;

    ScheduleViews.Command command() {
      boolean cross = "MSP".equals(scope) || "INSTANCE".equals(scope);
      List<UUID> computers = new ArrayList<>();
      for (String part : computerIds.split("[,;\\s]+")) {
        if (!part.isBlank()) {
          try {
            computers.add(UUID.fromString(part.strip()));
          } catch (IllegalArgumentException e) {
            throw ApiException.invalid("computerIds: '" + part + "' is not a computer id");
          }
        }
      }
      return new ScheduleViews.Command(
          cross ? null : tenantId,
          cross,
          "MSP".equals(scope) ? mspId : null,
          name,
          cron,
          blank(windowStart),
          blank(windowEnd),
          blank(timeZone),
          targetKind,
          includeChildren,
          computers,
          tagIds == null ? List.of() : tagIds,
          null,
          enabled);
    }

    private static @Nullable String blank(@Nullable String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  @org.springframework.web.bind.annotation.InitBinder("form")
  void fields(org.springframework.web.bind.WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @GetMapping("/schedules")
  String list(HttpServletRequest request, Model model) {
    var asked = ListPager.asked(request);
    var shown = schedules.list(null, asked.q(), asked.page(), asked.size());
    model.addAttribute("schedules", shown);
    model.addAttribute("pager", ListPager.of(request, shown));
    model.addAttribute("q", asked.q() == null ? "" : asked.q());
    model.addAttribute("tenantNames", scopeNames(shown.items()));
    model.addAttribute("canCreate", schedules.mayCreateSome());
    return Htmx.view(request, "maintenance/schedules", "results");
  }

  @GetMapping("/schedules/new")
  String create(@RequestParam(required = false) @Nullable UUID tenantId, Model model) {
    Form f = new Form();
    f.tenantId = tenantId;
    f.enabled = true;
    return editor(model, f, null);
  }

  @PostMapping("/schedules/new")
  String save(@ModelAttribute("form") Form form, Model model, RedirectAttributes flash) {
    try {
      ScheduleViews.Schedule s = schedules.create(form.command());
      flash.addFlashAttribute("notice", "Schedule created");
      return "redirect:/schedules/" + s.id();
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      return editor(model, form, null);
    }
  }

  @GetMapping("/schedules/{id}")
  String edit(@PathVariable UUID id, Model model) {
    ScheduleViews.Schedule s = schedules.get(id);
    Form f = new Form();
    f.tenantId = s.tenantId();
    f.scope = s.scope();
    f.mspId = s.mspId();
    f.name = s.name();
    f.cron = s.cron();
    f.windowStart = s.windowInherited() ? null : s.windowStart();
    f.windowEnd = s.windowInherited() ? null : s.windowEnd();
    f.timeZone = s.timeZoneInherited() ? null : s.timeZone();
    f.targetKind = s.targetKind();
    f.includeChildren = s.includeChildren();
    f.computerIds = String.join(", ", s.computerIds().stream().map(UUID::toString).toList());
    f.tagIds = s.tagIds();
    f.enabled = s.enabled();
    f.version = s.version();
    return editor(model, f, s);
  }

  @PostMapping("/schedules/{id}")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") Form form,
      Model model,
      RedirectAttributes flash) {
    try {
      schedules.update(id, form.version, form.command());
      flash.addFlashAttribute("notice", "Schedule saved");
      return "redirect:/schedules/" + id;
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      return editor(model, form, schedules.get(id));
    }
  }

  @PostMapping("/schedules/{id}/run")
  String run(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      schedules.runNow(id);
      flash.addFlashAttribute("notice", "Schedule fired: sessions are being created");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/schedules/" + id;
  }

  @PostMapping("/schedules/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    schedules.delete(id, null);
    flash.addFlashAttribute("notice", "Schedule deleted");
    return "redirect:/schedules";
  }

  /** The next runs for the cron being typed (htmx swaps this fragment into the editor). */
  @GetMapping("/schedules/next-runs")
  String nextRuns(
      @RequestParam(defaultValue = "") String cron,
      @RequestParam(required = false) @Nullable String timeZone,
      @RequestParam(required = false) @Nullable UUID tenantId,
      Model model) {
    try {
      model.addAttribute("nextRuns", schedules.preview(cron, timeZone, tenantId));
    } catch (ApiException e) {
      model.addAttribute("nextRuns", List.of());
      model.addAttribute("cronError", e.getMessage());
    }
    return "maintenance/schedule :: next-runs";
  }

  /** The tenant's Schedules tab: its maintenance window (own or inherited) and its schedules. */
  @GetMapping("/tenants/{id}/schedules")
  String tab(@PathVariable UUID id, HttpServletRequest request, Model model) {
    var tenant =
        tenants
            .find(id)
            .filter(t -> !tenants.visibleNames(List.of(t.id())).isEmpty())
            .orElseThrow(() -> ApiException.notFound("Tenant", id));
    model.addAttribute("tenant", tenant);
    model.addAttribute("window", windows.of(id));
    var asked = ListPager.asked(request);
    var shown = schedules.list(id, asked.q(), asked.page(), asked.size());
    model.addAttribute("schedules", shown);
    model.addAttribute("pager", ListPager.of(request, shown));
    model.addAttribute("canCreate", schedules.mayCreateSome());
    return "maintenance/tenant-tab";
  }

  private String editor(Model model, Form f, ScheduleViews.@Nullable Schedule saved) {
    model.addAttribute("form", f);
    model.addAttribute("saved", saved);
    var names =
        saved == null
            ? tenants.visibleNames(
                java.util.stream.Stream.of(f.tenantId, f.mspId)
                    .filter(java.util.Objects::nonNull)
                    .toList())
            : scopeNames(List.of(saved));
    model.addAttribute("tenantNames", names);
    model.addAttribute("tenantLabel", f.tenantId == null ? "" : names.getOrDefault(f.tenantId, ""));
    model.addAttribute("mspLabel", f.mspId == null ? "" : names.getOrDefault(f.mspId, ""));
    model.addAttribute(
        "tagLabels",
        f.tagIds == null ? java.util.Map.of() : tenants.tagNames(f.tagIds)); // the chosen only
    model.addAttribute("window", windows.of(f.tenantId != null ? f.tenantId : f.mspId));
    model.addAttribute("canManage", saved == null || schedules.canManage(saved.id()));
    model.addAttribute("nextRuns", saved != null ? saved.nextRuns() : previewOrEmpty(f));
    return "maintenance/schedule";
  }

  private List<java.time.Instant> previewOrEmpty(Form f) {
    try {
      return schedules.preview(f.cron, f.timeZone, f.tenantId);
    } catch (ApiException e) {
      return List.of();
    }
  }

  /** Names of the tenants and MSPs the shown schedules are scoped to (those the caller sees). */
  private java.util.Map<UUID, String> scopeNames(List<ScheduleViews.Schedule> shown) {
    List<UUID> ids = new ArrayList<>();
    for (var s : shown) {
      if (s.tenantId() != null) {
        ids.add(s.tenantId());
      }
      if (s.mspId() != null) {
        ids.add(s.mspId());
      }
    }
    return tenants.visibleNames(ids);
  }
}
