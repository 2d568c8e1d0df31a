package dev.tenantry.changes.web;

import dev.tenantry.changes.ChangeRequestState;
import dev.tenantry.changes.internal.ChangeRequestDecisions;
import dev.tenantry.changes.internal.ChangeRequestService;
import dev.tenantry.changes.internal.ChangeRequestViews;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Change requests in the console: the filtered list, and the review page with its diff. */
@Controller
@ConsolePage
class ChangeRequestPages {
  private final ChangeRequestService requests;
  private final ChangeRequestDecisions decisions;

  ChangeRequestPages(ChangeRequestService requests, ChangeRequestDecisions decisions) {
    this.requests = requests;
    this.decisions = decisions;
  }

  @GetMapping("/change-requests")
  String list(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    ChangeRequestState s = ChangeRequestsController.state(state);
    model.addAttribute(
        "requests",
        requests.list(
            new ChangeRequestViews.Query(s, kind, mine, dev.tenantry.shared.Page.page(page), 50)));
    model.addAttribute("states", Arrays.asList(ChangeRequestState.values()));
    model.addAttribute("state", s == null ? "" : s.name());
    model.addAttribute("kind", kind == null ? "" : kind);
    model.addAttribute("mine", mine);
    return Htmx.view(request, "changes/list", "results");
  }

  @GetMapping("/change-requests/{id}")
  String review(@PathVariable UUID id, Model model) {
    model.addAttribute("cr", requests.get(id));
    model.addAttribute("comments", requests.comments(id));
    return "changes/review";
  }

  @PostMapping("/change-requests/{id}/approve")
  String approve(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    decisions.approve(id, version, reason);
    flash.addFlashAttribute("notice", "Approved and applied");
    return "redirect:/change-requests/" + id;
  }

  @PostMapping("/change-requests/{id}/deny")
  String deny(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    decisions.deny(id, version, reason);
    flash.addFlashAttribute("notice", "Denied");
    return "redirect:/change-requests/" + id;
  }

  @PostMapping("/change-requests/{id}/require-changes")
  String requireChanges(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    decisions.requireChanges(id, version, reason);
    flash.addFlashAttribute("notice", "Sent back to its author for changes");
    return "redirect:/change-requests/" + id;
  }

  @PostMapping("/change-requests/{id}/withdraw")
  String withdraw(@PathVariable UUID id, @RequestParam long version, RedirectAttributes flash) {
    decisions.withdraw(id, version);
    flash.addFlashAttribute("notice", "Withdrawn");
    return "redirect:/change-requests/" + id;
  }

  @PostMapping("/change-requests/{id}/comments")
  String comment(@PathVariable UUID id, @RequestParam String body, RedirectAttributes flash) {
    requests.comment(id, body);
    flash.addFlashAttribute("notice", "Comment added");
    return "redirect:/change-requests/" + id + "#comments";
  }
}
