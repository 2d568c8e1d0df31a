package dev.tenantry.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * On a console page, a failed CSRF check (usually a form left open across a new sign-in) says so in
 * a short page of its own instead of reading like a missing permission; every other refusal goes on
 * to the usual 403 handling.
 */
final class ConsoleCsrfFailure implements AccessDeniedHandler {
  static final String MESSAGE =
      "This form has expired (its CSRF security token is missing or no longer valid)."
          + " Reload the page and try again.";
  private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException, ServletException {
    if (!(e instanceof CsrfException)) {
      otherwise.handle(request, response, e);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    String page =
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Form expired – Tenantry</title>
        <link rel="stylesheet" href="/css/console.css"></head>
        <body><main id="main"><h1>That did not work</h1>
        <p class="error" role="alert">%s</p>
        <p><a href="/">Start over</a></p></main></body></html>
        """
            .formatted(MESSAGE);
    response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
  }
}
