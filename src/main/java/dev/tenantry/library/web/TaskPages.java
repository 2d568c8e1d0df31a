package dev.tenantry.library.web;

import dev.tenantry.library.internal.ScriptParameter;
import dev.tenantry.library.internal.TaskService;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The maintenance-task editor: get/set/test scripts picked by search-as-you-type, parameters, the
 * versions, and "adopt the latest scripts".
 */
@Controller
@ConsolePage
class TaskPages {
  static final List<String> TYPES = List.of("STRING", "NUMBER", "BOOLEAN", "DATE", "FILE");
  private final TaskService tasks;
  private final Tenants tenants;
  private final dev.tenantry.library.internal.LibraryOwnership ownership;

  TaskPages(
      TaskService tasks,
      Tenants tenants,
      dev.tenantry.library.internal.LibraryOwnership ownership) {
    this.ownership = ownership;
    this.tasks = tasks;
    this.tenants = tenants;
  }

  @GetMapping("/library/tasks/new")
  String newTask(Model model) {
    model.addAttribute("task", null);
    model.addAttribute("pins", Map.of());
    model.addAttribute("parameters", rows(List.of()));
    model.addAttribute("types", TYPES);
    return "library/task";
  }

  @GetMapping("/library/tasks/{id}")
  String page(@PathVariable UUID id, Model model) {
    TaskService.Task t = tasks.get(id);
    List<TaskService.Pin> pins = tasks.pins(id);
    model.addAttribute("task", t);
    model.addAttribute(
        "pins",
        pins.stream()
            .collect(
                Collectors.toMap(
                    TaskService.Pin::role, p -> p, (a, b) -> a, java.util.LinkedHashMap::new)));
    model.addAttribute("behind", pins.stream().anyMatch(TaskService.Pin::behind));
    model.addAttribute("parameters", rows(t.parameters()));
    model.addAttribute("versions", tasks.versions(id));
    model.addAttribute("ownership", ownership.form("tasks", id));
    model.addAttribute("canManage", tasks.canManage(id));
    model.addAttribute("types", TYPES);
    model.addAttribute("tenants", Common.ownerName(tenants, t.ownerTenantId()));
    return "library/task";
  }

  @PostMapping("/library/tasks")
  String create(
      TaskForm f,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      RedirectAttributes flash) {
    TaskService.Task t = tasks.create(f.command(ownerTenantId, false, false));
    flash.addFlashAttribute("notice", "Created maintenance task " + t.name());
    return "redirect:/library/tasks/" + t.id();
  }

  @PostMapping("/library/tasks/{id}")
  String update(
      @PathVariable UUID id, TaskForm f, @RequestParam long version, RedirectAttributes flash) {
    TaskService.Task before = tasks.get(id);
    TaskService.Task t =
        tasks.update(
            id,
            version,
            f.command(before.ownerTenantId(), before.global(), before.visibleToAllTenants()));
    flash.addFlashAttribute("notice", "Saved version " + t.latestVersion());
    return "redirect:/library/tasks/" + id;
  }

  @PostMapping("/library/tasks/{id}/adopt")
  String adopt(@PathVariable UUID id, @RequestParam long version, RedirectAttributes flash) {
    TaskService.Task t = tasks.adoptLatestScripts(id, version);
    flash.addFlashAttribute(
        "notice",
        t.version() == version
            ? "Version " + t.latestVersion() + " already pins the latest script versions"
            : "Version " + t.latestVersion() + " pins the latest script versions");
    return "redirect:/library/tasks/" + id;
  }

  /** The declared parameters and two empty rows to add more. */
  private static List<ScriptParameter> rows(List<ScriptParameter> declared) {
    List<ScriptParameter> out = new ArrayList<>(declared);
    for (int i = 0; i < 2; i++) {
      out.add(new ScriptParameter("", "STRING", false, false, "", "", false));
    }
    return out;
  }

  /** Parameter rows arrive as parallel arrays (one entry per row; empty names are skipped). */
  record TaskForm(
      String name,
      @Nullable String description,
      @Nullable UUID getScriptId,
      @Nullable UUID setScriptId,
      @Nullable UUID testScriptId,
      String @Nullable [] paramName,
      String @Nullable [] paramType,
      String @Nullable [] paramRequired,
      String @Nullable [] paramDescription,
      String @Nullable [] paramDefault) {

    TaskService.Save command(@Nullable UUID owner, boolean global, boolean visibleToAll) {
      if (name == null || name.isBlank()) {
        throw ApiException.invalid("name: required");
      }
      List<ScriptParameter> parameters = new ArrayList<>();
      int n = paramName == null ? 0 : paramName.length;
      for (int i = 0; i < n; i++) {
        if (paramName[i].isBlank()) {
          continue;
        }
        String value = at(paramDefault, i);
        parameters.add(
            new ScriptParameter(
                paramName[i].strip(),
                at(paramType, i).isBlank() ? "STRING" : at(paramType, i),
                "yes".equals(at(paramRequired, i)),
                false,
                at(paramDescription, i),
                value.isEmpty() ? null : value,
                false));
      }
      return new TaskService.Save(
          name.strip(),
          Common.orEmpty(description),
          getScriptId,
          setScriptId,
          testScriptId,
          parameters,
          owner,
          global,
          visibleToAll);
    }

    private static String at(String @Nullable [] values, int i) {
      return values == null || i >= values.length ? "" : values[i];
    }
  }
}
