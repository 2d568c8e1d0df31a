package dev.tenantry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details in one shape for every error of the API. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static ProblemDetail of(
      ErrorCode code, String detail, Map<String, Object> extra, HttpServletRequest request) {
    return of(code, code.status(), detail, extra, request);
  }

  public static ProblemDetail of(
      ErrorCode code,
      HttpStatusCode status,
      String detail,
      Map<String, Object> extra,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://tenantry.dev/problems/" + code.slug()));
    problem.setTitle(code.title());
    problem.setProperty("code", code.slug());
    if (request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
      Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
      if (requestId != null) {
        problem.setProperty("requestId", requestId);
      }
    }
    extra.forEach(problem::setProperty);
    return problem;
  }
}
