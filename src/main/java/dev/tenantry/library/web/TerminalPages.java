package dev.tenantry.library.web;

import dev.tenantry.directory.Computers;
import dev.tenantry.library.internal.RunService;
import dev.tenantry.library.internal.RunViews;
import dev.tenantry.library.internal.ScriptService;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.ListPager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Run a script on a computer (its terminal) and follow the output live (htmx polling). */
@Controller
@ConsolePage
class TerminalPages {
  private final RunService runs;
  private final ScriptService scripts;
  private final Computers computers;

  TerminalPages(RunService runs, ScriptService scripts, Computers computers) {
    this.runs = runs;
    this.scripts = scripts;
    this.computers = computers;
  }

  /** The terminal: run a script, and every run the caller may see, paged (20 a page). */
  @GetMapping("/computers/{id}/terminal")
  String terminal(@PathVariable UUID id, HttpServletRequest request, Model model) {
    var computer = computers.find(id).orElseThrow(() -> ApiException.notFound("computer", id));
    model.addAttribute("canRun", runs.canRun(id)); // 404 for a computer the caller may not view
    model.addAttribute("computer", computer);
    var asked = ListPager.asked(request, 20);
    var shown = runs.list(id, asked.page(), asked.size());
    model.addAttribute("runs", shown.items());
    model.addAttribute("pager", ListPager.of(request, shown));
    return "library/terminal";
  }

  /**
   * The computer page's Terminal section: recent runs, a link to all of them (the terminal's paged
   * list) when there are more, and a link to the terminal for those who may run scripts there.
   */
  @GetMapping("/computers/{id}/terminal/section")
  String section(@PathVariable UUID id, Model model) {
    model.addAttribute("computerId", id);
    model.addAttribute("canRun", runs.canRun(id));
    var recent = runs.list(id, 0, 10);
    model.addAttribute("runs", recent.items());
    model.addAttribute("total", recent.total());
    return "library/terminal-section";
  }

  @PostMapping("/computers/{id}/terminal")
  String run(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID scriptId) {
    if (scriptId == null) {
      throw ApiException.invalid("Choose a script to run (type part of its name)");
    }
    RunViews.Run run = runs.request(id, scriptId, Map.of());
    return "redirect:/library/runs/" + run.id();
  }

  @GetMapping("/library/runs/{id}")
  String runPage(@PathVariable UUID id, Model model) {
    RunViews.Run run = runs.get(id);
    model.addAttribute("run", run);
    model.addAttribute("output", runs.output(id, 0));
    model.addAttribute("script", scripts.get(run.scriptId()).name());
    return "library/run";
  }

  /** The output panel alone, polled by htmx every second until the run ends. */
  @GetMapping("/library/runs/{id}/output")
  String output(@PathVariable UUID id, Model model) {
    model.addAttribute("run", runs.get(id));
    model.addAttribute("output", runs.output(id, 0));
    return "library/run :: output";
  }
}
