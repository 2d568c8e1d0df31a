package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Minimal pages until the console exists: who you are, and the request-access form. */
@Controller
class PagesController {
  private final Me me;
  private final AccessRequests requests;

  PagesController(Me me, AccessRequests requests) {
    this.me = me;
    this.requests = requests;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("me", me.describe(SignedIn.current().orElseThrow()));
    return "identity/home";
  }

  @GetMapping("/access/request")
  String requestForm(Model model) {
    model.addAttribute("me", me.describe(SignedIn.current().orElseThrow()));
    return "identity/access-request";
  }

  @PostMapping("/access/request")
  String request(@RequestParam(defaultValue = "") String message, Model model) {
    try {
      requests.create(SignedIn.current().orElseThrow(), message.trim());
      return "redirect:/";
    } catch (ApiException e) {
      model.addAttribute("me", me.describe(SignedIn.current().orElseThrow()));
      model.addAttribute("error", e.getMessage());
      return "identity/access-request";
    }
  }

  @GetMapping("/signed-out")
  String signedOut(@RequestParam(defaultValue = "") String reason, Model model) {
    model.addAttribute("reason", reason);
    return "identity/signed-out";
  }
}
