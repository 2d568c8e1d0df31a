package dev.tenantry.shared.db;

import dev.tenantry.shared.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A keyset cursor over a list sorted by (sort keys…, id): the last row's keys and id,
 * base64url-encoded (it names nothing the caller has not just seen). Keys are text columns (never
 * containing NUL, which PostgreSQL text cannot hold), joined by NUL. A malformed cursor, or one
 * with the wrong number of keys, is a 400, never a 500.
 */
public record Keyset(List<String> keys, UUID id) {
  public Keyset {
    keys = List.copyOf(keys);
  }

  public Keyset(String key, UUID id) {
    this(List.of(key), id);
  }

  public String key() {
    return keys.getFirst();
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((id + String.join("\0", keys)).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor of a list sorted by {@code keyCount} keys and the id. */
  public static Keyset decode(String cursor, int keyCount) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> keys = Arrays.asList(s.substring(36).split("\0", -1));
      if (keys.size() != keyCount) {
        throw new IllegalArgumentException("expected " + keyCount + " keys");
      }
      return new Keyset(keys, UUID.fromString(s.substring(0, 36)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw ApiException.invalid("'after' is not a cursor from a previous page's 'next'");
    }
  }

  public static Keyset decode(String cursor) {
    return decode(cursor, 1);
  }
}
