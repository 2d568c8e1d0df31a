package dev.tenantry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/** Maps every failure of the API to RFC 9457 problem details; internals go to the log only. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ProblemDetail api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
    if (e.details().get("retryAfterSeconds") instanceof Number seconds) {
      response.setHeader("Retry-After", Long.toString(seconds.longValue()));
    }
    return ProblemResponses.of(e.code(), e.getMessage(), e.details(), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
    Map<String, Object> errors = new LinkedHashMap<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                errors.putIfAbsent(
                    f.getField(),
                    f.isBindingFailure() ? "has the wrong type or format" : f.getDefaultMessage()));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
    String detail =
        errors.entrySet().stream()
            .map(x -> x.getKey() + ": " + x.getValue())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request body is not valid");
    return ProblemResponses.of(
        ErrorCode.VALIDATION_FAILED, detail, Map.of("errors", errors), request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
    List<String> messages =
        e.getAllErrors().stream().map(m -> String.valueOf(m.getDefaultMessage())).toList();
    return ProblemResponses.of(
        ErrorCode.VALIDATION_FAILED, String.join("; ", messages), Map.of(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraint(ConstraintViolationException e, HttpServletRequest request) {
    Map<String, Object> errors = new LinkedHashMap<>();
    e.getConstraintViolations()
        .forEach(
            v -> {
              String field = "value";
              for (var node : v.getPropertyPath()) {
                field = String.valueOf(node.getName());
              }
              errors.putIfAbsent(field, v.getMessage());
            });
    String detail =
        errors.entrySet().stream()
            .map(x -> x.getKey() + ": " + x.getValue())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is not valid");
    return ProblemResponses.of(
        ErrorCode.VALIDATION_FAILED, detail, Map.of("errors", errors), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
    log.debug("Unreadable request body", e);
    ApiException api = cause(e, ApiException.class);
    if (api != null) { // thrown by a request record's own validation
      return api(api, request, response);
    }
    return ProblemResponses.of(
        ErrorCode.MALFORMED_REQUEST,
        PublicMessages.unreadable(cause(e, JacksonException.class)),
        Map.of(),
        request);
  }

  /** A JSON value of the wrong type met by a handler that reads the body as a tree. */
  @ExceptionHandler(JacksonException.class)
  ProblemDetail jackson(JacksonException e, HttpServletRequest request) {
    log.debug("Unusable JSON value", e);
    return ProblemResponses.of(
        ErrorCode.MALFORMED_REQUEST,
        "A field of the request body has the wrong type",
        Map.of(),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String value = InputLimits.abbreviate(String.valueOf(e.getValue()));
    String detail =
        e.getRequiredType() == java.util.UUID.class
            ? "'" + value + "' is not a valid id (" + e.getName() + " must be a GUID)"
            : "'"
                + value
                + "' is not valid for "
                + e.getName()
                + " (it must be "
                + PublicMessages.expected(e.getRequiredType())
                + (e.getRequiredType() == java.time.Instant.class
                    ? " between the years 1 and 9999"
                    : "")
                + ")";
    return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, detail, Map.of(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return ProblemResponses.of(
        ErrorCode.VALIDATION_FAILED,
        "The query parameter " + e.getParameterName() + " is required",
        Map.of(),
        request);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
    return ProblemResponses.of(
        ErrorCode.VALIDATION_FAILED,
        "The header " + e.getHeaderName() + " is required",
        Map.of(),
        request);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e, HttpServletRequest request) {
    log.info("Duplicate key: {}", rootMessage(e));
    return ProblemResponses.of(
        ErrorCode.DUPLICATE,
        "An object with the same unique value already exists",
        Map.of(),
        request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
    log.info("Integrity violation: {}", rootMessage(e));
    String invalid = PublicMessages.database(e);
    if (invalid != null) { // the caller's value broke a column's rule: a 400 naming the field
      return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, invalid, Map.of(), request);
    }
    return ProblemResponses.of(
        ErrorCode.CONFLICT,
        "The change conflicts with existing data and was not applied",
        Map.of(),
        request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
    return ProblemResponses.of(
        ErrorCode.FORBIDDEN, "You are not allowed to do this", Map.of(), request);
  }

  @ExceptionHandler({
    ErrorResponseException.class,
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class
  })
  ProblemDetail framework(Exception e, HttpServletRequest request) {
    ErrorResponse er = (ErrorResponse) e;
    ErrorCode code =
        switch (er.getStatusCode().value()) {
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          case 400 -> ErrorCode.MALFORMED_REQUEST;
          default -> ErrorCode.INTERNAL;
        };
    log.debug("Framework refusal on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ProblemResponses.of(code, er.getStatusCode(), frameworkDetail(code), Map.of(), request);
  }

  @ExceptionHandler(Exception.class)
  @Nullable ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse) { // e.g. NoResourceFoundException, MissingPathVariableException
      return framework(e, request);
    }
    if (clientGone(e)) {
      // the client closed the connection mid-response (a browser navigating away, wrk): not a
      // server error, and there is no one left to answer
      request.setAttribute(ClientGoneValve.LOGGED, Boolean.TRUE); // one line, not two
      log.debug(
          "Client went away during {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          rootMessage(e));
      return null;
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ProblemResponses.of(
        ErrorCode.INTERNAL,
        "Something went wrong on our side; nothing was changed. Quote the request id to support.",
        Map.of(),
        request);
  }

  /**
   * Whether writing the response failed because the client closed the connection: Tomcat marks such
   * failures {@link ClientAbortException} ("Broken pipe", "Connection reset by peer"), and Spring
   * {@link AsyncRequestNotUsableException} once the response is unusable. Other IO errors (storage,
   * database) are not matched and stay errors.
   */
  static boolean clientGone(Throwable e) {
    return cause(e, ClientAbortException.class) != null
        || cause(e, AsyncRequestNotUsableException.class) != null;
  }

  /** Spring's own details name Java types and handler methods; callers get a fixed sentence. */
  private static String frameworkDetail(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> "No such resource";
      case METHOD_NOT_ALLOWED -> "This method is not supported here";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json";
      case MALFORMED_REQUEST -> "The request is malformed";
      default -> "The request could not be handled";
    };
  }

  private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = String.valueOf(t.getMessage());
    return m.length() > 300 ? m.substring(0, 300) : m;
  }
}
