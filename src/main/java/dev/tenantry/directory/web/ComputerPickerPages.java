package dev.tenantry.directory.web;

import dev.tenantry.shared.ComputerLookup;
import dev.tenantry.shared.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The computer picker's options: computers the caller may see whose name or serial contains the
 * query.
 */
@Controller
@ConsolePage
class ComputerPickerPages {
  static final int OPTIONS = 20;
  private final ComputerLookup computers;

  ComputerPickerPages(ComputerLookup computers) {
    this.computers = computers;
  }

  @GetMapping("/pickers/computers")
  String options(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("options", computers.searchVisible(q.strip(), OPTIONS));
    return "shared/picker :: options";
  }
}
