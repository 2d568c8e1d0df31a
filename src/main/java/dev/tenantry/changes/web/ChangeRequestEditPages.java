package dev.tenantry.changes.web;

import dev.tenantry.changes.internal.ChangeRequestDecisions;
import dev.tenantry.changes.internal.ChangeRequestService;
import dev.tenantry.changes.internal.ChangeRequestViews;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The author revises an open request (waiting, or sent back for changes) in the console: the form
 * is prefilled with the proposal and submits what {@code PUT /api/v1/change-requests/{id}} takes,
 * through the same {@link ChangeRequestDecisions#revise}. Anyone else is refused (403; 404 for
 * those who may not see the request).
 */
@Controller
@ConsolePage
class ChangeRequestEditPages {
  private final ChangeRequestService requests;
  private final ChangeRequestDecisions decisions;
  private final JsonMapper json;

  ChangeRequestEditPages(
      ChangeRequestService requests, ChangeRequestDecisions decisions, JsonMapper json) {
    this.requests = requests;
    this.decisions = decisions;
    this.json = json;
  }

  @GetMapping("/change-requests/{id}/edit")
  String edit(@PathVariable UUID id, Model model) {
    ChangeRequestViews.Detail cr = editable(id);
    return form(model, cr, cr.summary(), ProposalForm.fields(cr.after(), json), null);
  }

  @PostMapping("/change-requests/{id}/edit")
  String revise(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "") String summary,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    ChangeRequestViews.Detail cr = editable(id);
    List<ProposalForm.Field> fields = ProposalForm.submitted(cr.after(), form, json);
    try {
      decisions.revise(
          id, version, summary.isBlank() ? null : summary, ProposalForm.proposal(fields, json));
    } catch (ApiException e) {
      int status = e.code().status().value();
      if (status == 400 || status == 409 || status == 412) { // shown on the form, input kept
        return form(model, cr, summary, fields, e.getMessage());
      }
      throw e;
    }
    flash.addFlashAttribute("notice", "Revised: the request waits for approval again");
    return "redirect:/change-requests/" + id;
  }

  private ChangeRequestViews.Detail editable(UUID id) {
    ChangeRequestViews.Detail cr = requests.get(id);
    if (!cr.actions().edit()) {
      throw ApiException.forbidden(
          "Only the request's author may revise it, and only while it is open");
    }
    return cr;
  }

  private String form(
      Model model,
      ChangeRequestViews.Detail cr,
      String summary,
      List<ProposalForm.Field> fields,
      @org.jspecify.annotations.Nullable String error) {
    model.addAttribute("cr", cr);
    model.addAttribute("summary", summary);
    model.addAttribute("fields", fields);
    model.addAttribute("error", error);
    return "changes/edit";
  }
}
