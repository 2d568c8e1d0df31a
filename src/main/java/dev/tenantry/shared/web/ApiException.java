package dev.tenantry.shared.web;

import java.util.Map;

/** A refusal with a stable {@link ErrorCode} and a message fit to show to the caller. */
public class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;

  public ApiException(ErrorCode code, String message, Map<String, Object> details) {
    super(message);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  /**
   * A structural change waiting for the caller to confirm the access it grants (DESIGN §3.10):
   * console pages let it through to the confirmation page instead of showing it as an error.
   */
  public boolean asksToConfirmAccessChanges() {
    return code == ErrorCode.ACCESS_CHANGES_UNCONFIRMED;
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " was not found");
  }

  public static ApiException invalid(String message) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(ErrorCode.CONFLICT, message);
  }

  public static ApiException duplicate(String message) {
    return new ApiException(ErrorCode.DUPLICATE, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(ErrorCode.FORBIDDEN, message);
  }

  public static ApiException stale(String what, Object id, long expected, long actual) {
    return new ApiException(
        ErrorCode.STALE_VERSION,
        what
            + " "
            + id
            + " was changed by someone else (your version "
            + expected
            + ", current version "
            + actual
            + "); reload and try again",
        Map.of("currentVersion", actual));
  }
}
