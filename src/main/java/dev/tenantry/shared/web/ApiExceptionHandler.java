package dev.tenantry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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
        .forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
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
    return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, e.getMessage(), Map.of(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    log.debug("Unreadable request body", e);
    return ProblemResponses.of(
        ErrorCode.MALFORMED_REQUEST,
        "The request body is not valid JSON for this operation: " + rootMessage(e),
        Map.of(),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    String detail =
        "UUID".equals(expected)
            ? "'" + e.getValue() + "' is not a valid id (" + e.getName() + " must be a GUID)"
            : "'" + e.getValue() + "' is not a valid " + expected + " for " + e.getName();
    return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, detail, Map.of(), request);
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingRequestHeaderException.class
  })
  ProblemDetail missing(Exception e, HttpServletRequest request) {
    return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, e.getMessage(), Map.of(), request);
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
    String detail = er.getBody().getDetail() == null ? code.title() : er.getBody().getDetail();
    return ProblemResponses.of(code, er.getStatusCode(), detail, Map.of(), request);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse) { // e.g. NoResourceFoundException, MissingPathVariableException
      return framework(e, request);
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ProblemResponses.of(
        ErrorCode.INTERNAL,
        "Something went wrong on our side; nothing was changed. Quote the request id to support.",
        Map.of(),
        request);
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
