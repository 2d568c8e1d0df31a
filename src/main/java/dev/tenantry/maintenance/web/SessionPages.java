package dev.tenantry.maintenance.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.directory.Computer;
import dev.tenantry.directory.Computers;
import dev.tenantry.maintenance.SessionView;
import dev.tenantry.maintenance.internal.SessionFilter;
import dev.tenantry.maintenance.internal.SessionService;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sessions in the console: the list, a session with its live log (htmx polls the log panel every
 * second until the session ends), a computer's maintenance page with "Run maintenance", and the
 * batch action of the computers page.
 */
@Controller
@ConsolePage
class SessionPages {
  /** Sessions per page of a computer's Maintenance section. */
  static final int SECTION_ROWS = 20;

  private final SessionService sessions;
  private final Computers computers;
  private final Authorizer authorizer;

  SessionPages(SessionService sessions, Computers computers, Authorizer authorizer) {
    this.sessions = sessions;
    this.computers = computers;
    this.authorizer = authorizer;
  }

  @GetMapping("/maintenance-sessions")
  String list(
      @RequestParam(required = false) @Nullable String status,
      HttpServletRequest request,
      Model model) {
    var asked = ListPager.asked(request);
    String s = status == null || status.isBlank() ? null : status;
    var shown = sessions.list(new SessionFilter(null, null, s), asked.page(), asked.size());
    model.addAttribute("sessions", shown);
    model.addAttribute("pager", ListPager.of(request, shown));
    model.addAttribute("status", s);
    return "maintenance/sessions";
  }

  @GetMapping("/maintenance-sessions/{id}")
  String session(@PathVariable UUID id, Model model) {
    model.addAttribute("log", sessions.log(id, 0));
    SessionView s = sessions.get(id);
    model.addAttribute("canCancel", !s.ended() && sessions.canCancel(s.computerId()));
    return "maintenance/session";
  }

  /** The log panel alone, polled by htmx until the session ends. */
  @GetMapping("/maintenance-sessions/{id}/log")
  String log(@PathVariable UUID id, Model model) {
    model.addAttribute("log", sessions.log(id, 0));
    return "maintenance/session :: log";
  }

  @PostMapping("/maintenance-sessions/{id}/cancel")
  String cancel(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      sessions.cancel(id);
      flash.addFlashAttribute("notice", "Session cancelled");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/maintenance-sessions/" + id;
  }

  /**
   * The page, or (htmx) its content alone: the computer page's Maintenance section. Both are paged
   * (20 rows unless the URL asks for more); the pager's plain links open this page, so every
   * session is reachable from the computer page.
   */
  @GetMapping("/computers/{id}/maintenance")
  String computer(@PathVariable UUID id, HttpServletRequest request, Model model) {
    var computer = visibleComputer(id);
    var asked = ListPager.asked(request, SECTION_ROWS);
    var list = sessions.list(new SessionFilter(id, null, null), asked.page(), asked.size());
    model.addAttribute("computer", computer);
    model.addAttribute("sessions", list);
    model.addAttribute("pager", ListPager.of(request, list));
    model.addAttribute("canRun", sessions.canRun(id));
    return Htmx.view(request, "maintenance/computer", "section");
  }

  /** The computer's status on its page: the outcome of its latest session the caller may see. */
  @GetMapping("/computers/{id}/maintenance/status")
  String status(@PathVariable UUID id, Model model) {
    visibleComputer(id);
    var latest = sessions.list(new SessionFilter(id, null, null), 0, 1).items();
    model.addAttribute("latest", latest.isEmpty() ? null : latest.get(0));
    return "maintenance/computer-status";
  }

  private Computer visibleComputer(UUID id) {
    var computer = computers.find(id).orElseThrow(() -> ApiException.notFound("computer", id));
    authorizer.requireVisible(Permission.COMPUTERS_VIEW, Target.computer(id), "computer", id);
    return computer;
  }

  @PostMapping("/computers/{id}/maintenance")
  String run(@PathVariable UUID id) {
    SessionView s = sessions.request(List.of(id)).get(0);
    return "redirect:/maintenance-sessions/" + s.id();
  }

  /** The computers page's batch action: one session per selected computer. */
  @PostMapping("/maintenance-sessions/batch")
  String batch(
      @RequestParam(name = "computerIds", required = false) @Nullable List<UUID> ids,
      RedirectAttributes flash) {
    try {
      List<SessionView> created = sessions.request(ids == null ? List.of() : ids);
      flash.addFlashAttribute(
          "notice", "Maintenance requested on " + created.size() + " computer(s)");
      return "redirect:/maintenance-sessions";
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/computers";
    }
  }
}
