package dev.tenantry.shared.web;

import org.springframework.http.HttpStatus;

/** The one error vocabulary of the API. The code is stable; the message is for people. */
public enum ErrorCode {
  VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  CONFLICT(HttpStatus.CONFLICT, "Conflict"),
  DUPLICATE(HttpStatus.CONFLICT, "Already exists"),
  NOT_EMPTY(HttpStatus.CONFLICT, "Not empty"),
  READ_ONLY(HttpStatus.CONFLICT, "Read-only"),
  ACCESS_CHANGES_UNCONFIRMED(HttpStatus.CONFLICT, "Access changes need confirmation"),
  STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "Stale version"),
  PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "Version required"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  CSRF_FAILED(HttpStatus.FORBIDDEN, "CSRF check failed"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
  POLICY_NOT_CURRENT(HttpStatus.SERVICE_UNAVAILABLE, "Policy not current"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
  RANGE_NOT_SATISFIABLE(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable"),
  UPSTREAM_FAILED(HttpStatus.BAD_GATEWAY, "Upstream service failed");

  private final HttpStatus status;
  private final String title;

  ErrorCode(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The stable, URL-friendly code, e.g. {@code stale-version}. */
  public String slug() {
    return name().toLowerCase().replace('_', '-');
  }
}
