package dev.tenantry.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A refusal on a console page becomes a page with its message (never a stack trace). */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {
  private final ConsoleModel header;

  ConsoleErrors(ConsoleModel header) {
    this.header = header;
  }

  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, HttpServletResponse response, Model model) {
    response.setStatus(e.code().status().value());
    return page(model, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(
      MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
    response.setStatus(400);
    return page(model, "The value of '" + e.getName() + "' is not valid");
  }

  private String page(Model model, String message) {
    model.addAttribute("header", header.header());
    model.addAttribute("instanceName", header.instanceName());
    model.addAttribute("nav", header.nav());
    model.addAttribute("message", message);
    return "error/page";
  }
}
