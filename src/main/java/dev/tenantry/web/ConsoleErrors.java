package dev.tenantry.web;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final AccessChangeTables tables;

  ConsoleErrors(ConsoleModel header, AccessChangeTables tables) {
    this.header = header;
    this.tables = tables;
  }

  @ExceptionHandler(ApiException.class)
  String refused(
      ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(e.code().status().value());
    if (e.asksToConfirmAccessChanges()) {
      return confirm(e, request, response, model);
    }
    return page(model, request, response, e.getMessage());
  }

  /**
   * DESIGN §3.10 in the console: the list of access the change would grant, and a form that repeats
   * the same request with its digest as {@code acceptAccessChanges}.
   */
  private String confirm(
      ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    page(model, request, response, e.getMessage());
    Map<String, List<String>> fields = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("_csrf") && !name.equals("acceptAccessChanges")) {
                fields.put(name, List.of(values));
              }
            });
    model.addAttribute("action", request.getRequestURI());
    model.addAttribute("fields", fields);
    AccessChangeList list = (AccessChangeList) e.details().get("accessChanges");
    model.addAttribute("accessChanges", list);
    model.addAttribute("digest", e.details().get("digest"));
    tables.remember(request.getSession(), list);
    tables.firstPages(model, list.rows().stream().map(AccessChangeTables.Row::of).toList());
    return "error/access-changes";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setStatus(400);
    return page(model, request, response, "The value of '" + e.getName() + "' is not valid");
  }

  private String page(
      Model model, HttpServletRequest request, HttpServletResponse response, String message) {
    header.console(model, request, response);
    model.addAttribute("message", message);
    return "error/page";
  }
}
