package dev.tenantry.shared.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before the application sees it (a NUL or encoded backslash in the URL, a
 * malformed request line) gets problem details too, instead of Tomcat's HTML page naming the
 * server. Responses the application wrote are left alone.
 */
public class ProblemErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.isError()) {
      return;
    }
    ErrorCode code =
        switch (status) {
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
    String detail =
        status >= 500
            ? "Something went wrong on our side; nothing was changed"
            : "The request line, URL or headers are not valid";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
      response.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\"https://tenantry.dev/problems/"
                + code.slug()
                + "\",\"title\":\""
                + code.title()
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\",\"code\":\""
                + code.slug()
                + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed: nothing more to say
    }
  }

  /** Installs the valve on Tomcat's host. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
              host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
          });
    }
  }
}
