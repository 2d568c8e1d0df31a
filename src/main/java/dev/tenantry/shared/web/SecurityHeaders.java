package dev.tenantry.shared.web;

/**
 * The browser-facing security headers of every response (set by the security filter chains, and by
 * {@link ProblemErrorValve} for what Tomcat refuses before any filter runs).
 */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  /**
   * No script but our own files (no inline script or handler, no eval: the templates use data
   * attributes that console.js reads), inline style attributes allowed (tag colours), nothing may
   * frame us.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  /** URLs carry object ids: the referrer never leaves the origin. */
  public static final String REFERRER_POLICY = "same-origin";
}
