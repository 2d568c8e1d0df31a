package dev.tenantry.tenancy.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import org.jspecify.annotations.Nullable;

/** The version a write expects: from the body or an {@code If-Match: "<version>"} header. */
final class Versions {
  private Versions() {}

  /** Both absent → 428; both present and different → 400. */
  static long required(@Nullable Long body, @Nullable String ifMatch) {
    Long v = optional(body, ifMatch);
    if (v == null) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED,
          "Send the version you changed, as \"version\" in the body or an If-Match header");
    }
    return v;
  }

  static @Nullable Long optional(@Nullable Long body, @Nullable String ifMatch) {
    Long header = parse(ifMatch);
    if (body != null && header != null && !body.equals(header)) {
      throw ApiException.invalid(
          "The body version " + body + " and If-Match " + header + " differ");
    }
    return body != null ? body : header;
  }

  private static @Nullable Long parse(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("If-Match must be a version like \"3\", not " + ifMatch);
    }
  }
}
