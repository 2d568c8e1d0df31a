package dev.tenantry.shared.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A response whose client went away while it was written through Tomcat's writer — a console page
 * rendered by Thymeleaf into a closed connection (a navigation, a closed tab) — gets one DEBUG
 * line, like the API's ({@link ApiExceptionHandler}). Tomcat's writer does not throw: it notes the
 * failed write on the response ({@code getErrorException}) and drops the rest, so without this
 * nothing at all said that the page never arrived. Exceptions are not touched: a template error
 * still reaches Tomcat (an ERROR with its stack trace, and the 500 page).
 */
public class ClientGoneValve extends ValveBase {
  private static final Logger log = LoggerFactory.getLogger(ClientGoneValve.class);

  /** Set on the request by whoever already logged the client's going away (the API's handler). */
  static final String LOGGED = ClientGoneValve.class.getName() + ".logged";

  public ClientGoneValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    getNext().invoke(request, response);
    Exception failed = response.getCoyoteResponse().getErrorException();
    if (failed instanceof IOException && request.getAttribute(LOGGED) == null) {
      request.setAttribute(LOGGED, Boolean.TRUE);
      log.debug(
          "Client went away during {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          failed.getMessage());
    }
  }

  /** Installs the valve on the application's context. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextValves(new ClientGoneValve());
    }
  }
}
