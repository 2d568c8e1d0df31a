package dev.tenantry.deployments.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Optimistic locking over HTTP, as elsewhere in the API: a version in the body or If-Match. */
final class Versions {
  private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private Versions() {}

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  static long required(@Nullable Long bodyVersion, @Nullable String ifMatch, String what, UUID id) {
    Long expected = optional(bodyVersion, ifMatch);
    if (expected == null) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED,
          "Send the version of " + what + " " + id + " you edited, as 'version' or as If-Match");
    }
    return expected;
  }

  static @Nullable Long optional(@Nullable Long bodyVersion, @Nullable String ifMatch) {
    Long header = null;
    if (ifMatch != null && !ifMatch.isBlank()) {
      Matcher m = ETAG.matcher(ifMatch.strip());
      if (!m.matches()) {
        throw ApiException.invalid("If-Match must be an ETag of this API, such as \"3\"");
      }
      header = Long.parseLong(m.group(1));
    }
    if (bodyVersion != null && header != null && !bodyVersion.equals(header)) {
      throw ApiException.invalid(
          "version " + bodyVersion + " and If-Match " + ifMatch + " disagree");
    }
    return bodyVersion != null ? bodyVersion : header;
  }
}
