package dev.tenantry.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Page or fragment: htmx sends {@code HX-Request: true}, and then only the fragment is rendered.
 */
public final class Htmx {
  private Htmx() {}

  public static boolean isRequest(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"));
  }

  /** {@code view} for a normal request, {@code view :: fragment} for an htmx request. */
  public static String view(HttpServletRequest request, String view, String fragment) {
    return isRequest(request) ? view + " :: " + fragment : view;
  }
}
