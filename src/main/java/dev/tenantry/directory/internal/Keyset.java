package dev.tenantry.directory.internal;

import dev.tenantry.shared.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset cursor over a list sorted by (sort key, id): the last row's key and id,
 * base64url-encoded (it names nothing the caller has not just seen). A malformed cursor is a 400,
 * never a 500.
 */
record Keyset(String key, UUID id) {
  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((id + key).getBytes(StandardCharsets.UTF_8));
  }

  static Keyset decode(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return new Keyset(s.substring(36), UUID.fromString(s.substring(0, 36)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw ApiException.invalid("'after' is not a cursor from a previous page's 'next'");
    }
  }
}
