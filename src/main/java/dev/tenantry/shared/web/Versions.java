package dev.tenantry.shared.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic locking over HTTP: the version travels as a strong ETag ({@code "3"}) and comes back
 * either as {@code version} in the body or as {@code If-Match}; when both are sent they must agree.
 * One helper for every feature's API (tenancy keeps its own, older two-argument form).
 */
public final class Versions {
  private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private Versions() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The version the caller based its change on; 428 when it sent none. */
  public static long required(
      @Nullable Long bodyVersion, @Nullable String ifMatch, String what, UUID id) {
    Long expected = optional(bodyVersion, ifMatch);
    if (expected == null) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED,
          "Send the version of " + what + " " + id + " you edited, as 'version' or as If-Match");
    }
    return expected;
  }

  public static @Nullable Long optional(@Nullable Long bodyVersion, @Nullable String ifMatch) {
    Long header = parse(ifMatch);
    if (bodyVersion != null && header != null && !bodyVersion.equals(header)) {
      throw ApiException.invalid(
          "version " + bodyVersion + " and If-Match " + ifMatch + " disagree");
    }
    return bodyVersion != null ? bodyVersion : header;
  }

  private static @Nullable Long parse(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    Matcher m = ETAG.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw ApiException.invalid("If-Match must be an ETag of this API, such as \"3\"");
    }
    return Long.parseLong(m.group(1));
  }
}
