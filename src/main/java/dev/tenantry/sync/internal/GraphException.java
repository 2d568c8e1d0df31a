package dev.tenantry.sync.internal;

/**
 * A Graph or login failure: the HTTP status (0 when none), Graph's error code and a message that
 * never contains a credential or token.
 */
public class GraphException extends RuntimeException {
  private final int status;
  private final String code;

  public GraphException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** 410 Gone: the stored delta link has expired, a full sync is needed. */
  public boolean deltaExpired() {
    return status == 410;
  }
}
