package dev.tenantry.library.web;

import dev.tenantry.audit.AuditEvent;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.audit.AuditQuery;
import dev.tenantry.library.internal.LicenseService;
import dev.tenantry.library.internal.MediaService;
import dev.tenantry.library.internal.ScriptCommands;
import dev.tenantry.library.internal.ScriptEditRequests;
import dev.tenantry.library.internal.ScriptService;
import dev.tenantry.library.internal.ScriptViews;
import dev.tenantry.library.internal.SoftwareService;
import dev.tenantry.library.internal.TaskService;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library in the console: tabs per kind with search and owner filter, the script editor. */
@Controller
@ConsolePage
class LibraryPages {
  static final List<String> TABS = List.of("scripts", "software", "tasks", "media", "licenses");
  private final ScriptService scripts;
  private final SoftwareService software;
  private final TaskService tasks;
  private final MediaService media;
  private final LicenseService licenses;
  private final Tenants tenants;
  private final AuditLog audit;
  private final ScriptEditRequests editRequests;
  private final UserNames names;
  private final dev.tenantry.library.internal.LibraryOwnership ownership;

  LibraryPages(
      ScriptService scripts,
      SoftwareService software,
      TaskService tasks,
      MediaService media,
      LicenseService licenses,
      Tenants tenants,
      AuditLog audit,
      ScriptEditRequests editRequests,
      UserNames names,
      dev.tenantry.library.internal.LibraryOwnership ownership) {
    this.ownership = ownership;
    this.scripts = scripts;
    this.software = software;
    this.tasks = tasks;
    this.media = media;
    this.licenses = licenses;
    this.tenants = tenants;
    this.audit = audit;
    this.editRequests = editRequests;
    this.names = names;
  }

  @GetMapping("/library")
  String library(
      @RequestParam(defaultValue = "scripts") String tab,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      HttpServletRequest request,
      Model model) {
    var asked = ListPager.asked(request);
    if (!TABS.contains(tab)) {
      throw ApiException.invalid("tab: one of " + TABS);
    }
    UUID ownerTenant = ownerTenantId;
    String ownerKind = null;
    if (owner != null && !owner.isBlank()) {
      if (owner.equals("global") || owner.equals("owned")) {
        ownerKind = owner;
      } else if (ownerTenant == null) { // an owner=<tenant id> link of an earlier version
        ownerTenant = uuid(owner);
      }
    }
    int p = asked.page();
    int n = asked.size();
    Page<?> found =
        switch (tab) {
          case "scripts" ->
              scripts.list(
                  new ScriptCommands.Query(q, ownerTenant, ownerKind, null, null, "name", p, n));
          case "software" -> software.list(q, ownerTenant, ownerKind, "name", p, n);
          case "tasks" -> tasks.list(q, ownerTenant, ownerKind, "name", p, n);
          case "media" -> media.list(q, ownerTenant, ownerKind, "name", p, n);
          default -> licenses.list(q, ownerTenant, ownerKind, null, "name", p, n);
        };
    List<?> items = found.items();
    model.addAttribute("pager", ListPager.of(request, found));
    model.addAttribute("tab", tab);
    model.addAttribute("tabs", TABS);
    model.addAttribute("items", items);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("owner", ownerKind == null ? "" : ownerKind);
    model.addAttribute("ownerTenantId", ownerTenant);
    List<UUID> labelled = new java.util.ArrayList<>();
    items.forEach(i -> labelled.add(ownerOf(i)));
    if (ownerTenant != null) {
      labelled.add(ownerTenant);
    }
    var names = tenants.visibleNames(labelled.stream().filter(Objects::nonNull).toList());
    model.addAttribute("tenants", names);
    model.addAttribute(
        "ownerLabel", ownerTenant == null ? "" : names.getOrDefault(ownerTenant, ""));
    return Htmx.view(request, "library/library", "results");
  }

  @GetMapping("/library/scripts/new")
  String newScript(Model model) {
    model.addAttribute("script", null);
    model.addAttribute("languages", ScriptService.LANGUAGES);
    return "library/script";
  }

  @GetMapping("/library/scripts/{id}")
  String script(@PathVariable UUID id, Model model) {
    var script = scripts.get(id);
    model.addAttribute("script", script);
    model.addAttribute("requestsEdit", editRequests.editsBecomeRequests(id));
    model.addAttribute("ownership", ownership.form("scripts", id));
    model.addAttribute("versions", scripts.versions(id));
    model.addAttribute("languages", ScriptService.LANGUAGES);
    model.addAttribute("tenants", Common.ownerName(tenants, script.ownerTenantId()));
    return "library/script";
  }

  @PostMapping("/library/scripts")
  String create(
      @RequestParam String name,
      @RequestParam String language,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      RedirectAttributes flash) {
    ScriptViews.Detail d =
        scripts.create(
            new ScriptCommands.Save(
                name.strip(),
                "",
                category,
                language,
                body,
                List.of(),
                ownerTenantId,
                false,
                false,
                ""));
    flash.addFlashAttribute("notice", "Created script " + d.name());
    return "redirect:/library/scripts/" + d.id();
  }

  @PostMapping("/library/scripts/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam String name,
      @RequestParam String language,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String note,
      @RequestParam long version,
      RedirectAttributes flash) {
    ScriptViews.Detail before = scripts.get(id);
    ScriptCommands.Save edit =
        new ScriptCommands.Save(
            name.strip(),
            before.description(),
            category,
            language,
            body,
            before.parameters(),
            before.ownerTenantId(),
            before.global(),
            before.visibleToAllTenants(),
            note);
    var request = editRequests.proposeIfRequester(id, version, edit);
    if (request.isPresent()) { // a change-requester's edit waits for approval (DESIGN §8)
      flash.addFlashAttribute("notice", "Your edit waits for approval as a change request");
      return "redirect:/change-requests/" + request.get();
    }
    ScriptViews.Detail d = scripts.update(id, version, edit);
    flash.addFlashAttribute("notice", "Saved version " + d.latestVersion());
    return "redirect:/library/scripts/" + id;
  }

  @GetMapping("/library/scripts/{id}/diff")
  String diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, Model model) {
    model.addAttribute("script", scripts.get(id));
    model.addAttribute("diff", scripts.diff(id, from, to));
    return "library/diff";
  }

  /** The object's own history: who changed what, when, including impersonation. */
  @GetMapping("/library/{kind}/{id}/history")
  String history(
      @PathVariable String kind, @PathVariable UUID id, HttpServletRequest request, Model model) {
    String type =
        switch (kind) {
          case "scripts" -> {
            model.addAttribute("name", scripts.get(id).name());
            yield "script";
          }
          case "software" -> {
            model.addAttribute("name", software.get(id).name());
            yield "software";
          }
          case "tasks" -> {
            model.addAttribute("name", tasks.get(id).name());
            yield "maintenance-task";
          }
          case "media" -> {
            model.addAttribute("name", media.get(id).name());
            yield "media";
          }
          case "licenses" -> {
            model.addAttribute("name", licenses.get(id).name());
            yield "license";
          }
          default -> throw ApiException.notFound("library kind", kind);
        };
    // the object is visible (checked above), so its whole history is shown, page by page
    var asked = ListPager.asked(request);
    var found =
        audit.list(
            new AuditQuery(
                null,
                null,
                type,
                id.toString(),
                null,
                null,
                null,
                VisibleTenants.every(),
                asked.page(),
                asked.size()));
    List<AuditEvent> events = found.items();
    model.addAttribute("pager", ListPager.of(request, found));
    Set<UUID> users = new HashSet<>();
    events.stream()
        .flatMap(e -> Stream.of(e.actorUserId(), e.impersonatorUserId()))
        .filter(Objects::nonNull)
        .forEach(users::add);
    model.addAttribute("events", events);
    model.addAttribute("names", names.names(users));
    model.addAttribute("kind", kind);
    return "library/history";
  }

  static final Set<String> KINDS = Set.copyOf(TABS);

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("owner: global, owned or a tenant id");
    }
  }

  /** The owner of one row of a library tab (null: global). */
  private static @Nullable UUID ownerOf(Object item) {
    return switch (item) {
      case ScriptViews.Summary x -> x.ownerTenantId();
      case dev.tenantry.library.internal.SoftwareViews.Software x -> x.ownerTenantId();
      case TaskService.Task x -> x.ownerTenantId();
      case MediaService.Media x -> x.ownerTenantId();
      case LicenseService.License x -> x.ownerTenantId();
      default -> null;
    };
  }
}
