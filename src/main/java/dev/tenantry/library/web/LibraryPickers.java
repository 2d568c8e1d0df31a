package dev.tenantry.library.web;

import dev.tenantry.library.internal.ScriptCommands;
import dev.tenantry.library.internal.ScriptService;
import dev.tenantry.library.internal.SoftwareService;
import dev.tenantry.shared.web.ConsolePage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search-as-you-type options for the library editors: scripts and software the caller sees. */
@Controller
@ConsolePage
class LibraryPickers {
  static final int OPTIONS = 20;
  private final ScriptService scripts;
  private final SoftwareService software;

  LibraryPickers(ScriptService scripts, SoftwareService software) {
    this.scripts = scripts;
    this.software = software;
  }

  @GetMapping("/pickers/scripts")
  String scripts(@RequestParam(defaultValue = "") String q, Model model) {
    Map<UUID, String> options = new LinkedHashMap<>();
    scripts
        .list(new ScriptCommands.Query(q.strip(), null, null, null, null, "name", 0, OPTIONS))
        .items()
        .forEach(s -> options.put(s.id(), s.name()));
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }

  @GetMapping("/pickers/software")
  String software(@RequestParam(defaultValue = "") String q, Model model) {
    Map<UUID, String> options = new LinkedHashMap<>();
    software
        .list(q.strip(), null, null, "name", 0, OPTIONS)
        .items()
        .forEach(s -> options.put(s.id(), s.name()));
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }
}
