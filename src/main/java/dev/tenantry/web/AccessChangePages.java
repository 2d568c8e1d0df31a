package dev.tenantry.web;

import dev.tenantry.shared.web.ConsolePage;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The next pages of a structural change's confirmation (htmx): of the list this session was shown
 * ({@link AccessChangeTables}), never of another caller's.
 */
@Controller
@ConsolePage
class AccessChangePages {
  private final AccessChangeTables tables;

  AccessChangePages(AccessChangeTables tables) {
    this.tables = tables;
  }

  @GetMapping("/access-changes/{digest}/summary")
  String summary(
      @PathVariable String digest,
      @RequestParam(defaultValue = "0") int page,
      HttpSession session,
      Model model) {
    model.addAttribute("digest", digest);
    model.addAttribute("summary", tables.summary(tables.rows(session, digest), page));
    return "error/access-changes :: summary";
  }

  @GetMapping("/access-changes/{digest}/rows")
  String rows(
      @PathVariable String digest,
      @RequestParam(defaultValue = "0") int page,
      HttpSession session,
      Model model) {
    model.addAttribute("digest", digest);
    model.addAttribute("details", tables.details(tables.rows(session, digest), page));
    return "error/access-changes :: details";
  }
}
