package dev.tenantry.deployments.web;

import dev.tenantry.deployments.internal.Deployment;
import dev.tenantry.deployments.internal.DeploymentQuery;
import dev.tenantry.deployments.internal.DeploymentResolution;
import dev.tenantry.deployments.internal.DeploymentService;
import dev.tenantry.deployments.internal.DeploymentService.Outcome;
import dev.tenantry.library.LibraryRefs;
import dev.tenantry.library.LibraryRefs.Kind;
import dev.tenantry.shared.ComputerLookup;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Deployments in the console: the list, the editor with its live preview (htmx posts the form to
 * the preview fragment as it changes), and a computer's deployments (applies / overridden by).
 */
@Controller
@ConsolePage
class DeploymentPages {
  static final List<String> KINDS =
      List.of("COMPUTER", "PERSON", "TENANT", "TENANT_TAG", "CROSS_TENANT");
  static final List<String> STATES =
      List.of("INSTALL", "KEEP_LATEST", "UNINSTALL", "IGNORE", "RUN");
  private static final int PREVIEW = 10;

  private final DeploymentService deployments;
  private final DeploymentResolution resolution;
  private final LibraryRefs library;
  private final Tenants tenants;
  private final ComputerLookup computers;

  DeploymentPages(
      DeploymentService deployments,
      DeploymentResolution resolution,
      LibraryRefs library,
      Tenants tenants,
      ComputerLookup computers) {
    this.deployments = deployments;
    this.resolution = resolution;
    this.library = library;
    this.tenants = tenants;
    this.computers = computers;
  }

  @GetMapping("/deployments")
  String list(
      @RequestParam(required = false) @Nullable String q, HttpServletRequest request, Model model) {
    var asked = ListPager.asked(request);
    Page<Deployment> page =
        deployments.list(new DeploymentQuery(q, null, null, null, asked.page(), asked.size()));
    model.addAttribute("deployments", page.items());
    model.addAttribute("pager", ListPager.of(request, page));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("subjects", subjectNames(page.items()));
    model.addAttribute(
        "tenantNames", // only the tenants the shown rows name (never a capped list of all)
        tenants.visibleNames(
            page.items().stream()
                .flatMap(d -> java.util.stream.Stream.of(d.target().tenantId(), d.ownerTenantId()))
                .filter(java.util.Objects::nonNull)
                .toList()));
    return Htmx.view(request, "deployments/list", "results");
  }

  @GetMapping("/deployments/new")
  String create(Model model) {
    return editor(null, model);
  }

  @GetMapping("/deployments/{id}")
  String edit(@PathVariable UUID id, Model model) {
    return editor(deployments.get(id), model);
  }

  private String editor(@Nullable Deployment d, Model model) {
    model.addAttribute("d", d);
    model.addAttribute("kinds", KINDS);
    model.addAttribute("states", STATES);
    UUID tag = d == null ? null : d.target().tagId();
    model.addAttribute(
        "tagLabel", tag == null ? "" : tenants.tagNames(List.of(tag)).getOrDefault(tag, ""));
    model.addAttribute(
        "subjectLabel", d == null ? "" : subjectNames(List.of(d)).get(d.subjectId()));
    model.addAttribute(
        "versions", d == null ? Map.of() : library.versions(kind(d.subjectKind()), d.subjectId()));
    model.addAttribute("tenantLabel", d == null ? "" : tenantLabel(d.target().tenantId()));
    model.addAttribute("mspLabel", d == null ? "" : tenantLabel(d.target().mspId()));
    model.addAttribute("computerLabel", d == null ? "" : computerLabel(d.target().computerId()));
    return "deployments/editor";
  }

  @PostMapping("/deployments")
  String save(@ModelAttribute DeploymentForm form, RedirectAttributes flash) {
    return done(deployments.create(form.draft()), flash, "Created");
  }

  @PostMapping("/deployments/{id}")
  String update(
      @PathVariable UUID id, @ModelAttribute DeploymentForm form, RedirectAttributes flash) {
    if (form.version() == null) {
      throw ApiException.invalid("version is missing");
    }
    return done(deployments.update(id, form.version(), form.draft()), flash, "Saved");
  }

  @PostMapping("/deployments/{id}/delete")
  String delete(@PathVariable UUID id, @RequestParam long version, RedirectAttributes flash) {
    return done(deployments.delete(id, version), flash, "Deleted");
  }

  private static String done(Outcome o, RedirectAttributes flash, String verb) {
    return switch (o) {
      case Outcome.Requested(UUID cr) -> {
        flash.addFlashAttribute(
            "notice", "Submitted as change request " + cr + "; it applies once approved.");
        yield "redirect:/deployments";
      }
      case Outcome.Done(Deployment d) when d != null -> {
        flash.addFlashAttribute("notice", verb + " deployment " + d.name());
        yield "redirect:/deployments/" + d.id();
      }
      case Outcome.Done gone -> {
        flash.addFlashAttribute("notice", verb + " the deployment");
        yield "redirect:/deployments";
      }
    };
  }

  /** The editor's live preview: what the target reaches now (count and the first computers). */
  @PostMapping("/deployments/preview")
  String preview(@ModelAttribute DeploymentForm form, Model model) {
    try {
      model.addAttribute("preview", resolution.preview(form.target(), 0, PREVIEW));
      model.addAttribute("problem", null);
    } catch (ApiException e) {
      model.addAttribute("preview", null);
      model.addAttribute("problem", e.getMessage());
    }
    return "deployments/editor :: preview";
  }

  /** The version choices for the chosen subject (INSTALL pins one; RUN defaults to the latest). */
  @GetMapping("/deployments/versions")
  String versions(@RequestParam(defaultValue = "") String subject, Model model) {
    Map<UUID, String> versions = Map.of();
    if (subject.contains(":")) {
      String[] k = subject.split(":", 2);
      try {
        Kind kind = kind(k[0]);
        UUID id = UUID.fromString(k[1]);
        versions = library.visible(kind, id).isPresent() ? library.versions(kind, id) : Map.of();
      } catch (IllegalArgumentException e) {
        versions = Map.of();
      }
    }
    model.addAttribute("versions", versions);
    model.addAttribute("d", null);
    return "deployments/editor :: versions";
  }

  /** The deployables picker: software and tasks the caller may view. */
  @GetMapping("/pickers/deployables")
  String deployables(@RequestParam(defaultValue = "") String q, Model model) {
    // the chosen option's label ("Software: 7-Zip") may be typed back: search its name
    q = q.replaceFirst("^(Software|Task): ", "");
    Map<String, String> options = new LinkedHashMap<>();
    library
        .searchVisible(Kind.SOFTWARE, q.strip(), 10)
        .forEach((id, name) -> options.put("SOFTWARE:" + id, "Software: " + name));
    library
        .searchVisible(Kind.TASK, q.strip(), 10)
        .forEach((id, name) -> options.put("TASK:" + id, "Task: " + name));
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }

  /** The page, or (htmx) its table alone: the computer page's Deployments section. */
  @GetMapping("/computers/{id}/deployments")
  String computer(@PathVariable UUID id, HttpServletRequest request, Model model) {
    var list = resolution.forComputer(id);
    model.addAttribute("computerId", id);
    model.addAttribute("computerName", computerLabel(id));
    model.addAttribute("rows", list);
    model.addAttribute(
        "subjects",
        subjectNames(list.stream().map(DeploymentResolution.OnComputer::deployment).toList()));
    return Htmx.view(request, "deployments/computer", "section");
  }

  private Map<UUID, String> subjectNames(List<Deployment> ds) {
    Map<UUID, String> names = new LinkedHashMap<>();
    for (Deployment d : ds) {
      names.computeIfAbsent(
          d.subjectId(),
          id ->
              library
                  .find(kind(d.subjectKind()), id)
                  .map(s -> (s.kind() == Kind.SOFTWARE ? "Software: " : "Task: ") + s.name())
                  .orElse("(deleted)"));
    }
    return names;
  }

  private String tenantLabel(@Nullable UUID id) {
    return id == null ? "" : tenants.find(id).map(t -> t.name()).orElse(id.toString());
  }

  private String computerLabel(@Nullable UUID id) {
    return id == null ? "" : computers.names(List.of(id)).getOrDefault(id, id.toString());
  }

  private static Kind kind(String subjectKind) {
    return subjectKind.equalsIgnoreCase("TASK") ? Kind.TASK : Kind.SOFTWARE;
  }
}
