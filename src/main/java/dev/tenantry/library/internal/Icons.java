package dev.tenantry.library.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Software icons: small images whose type is read from their first bytes, never from what the
 * uploader says. The allow-list is PNG, JPEG, GIF and WebP; SVG is never accepted (it can carry
 * script), so an icon is always served as one of these four types.
 */
final class Icons {
  static final int MAX_SIZE = 256 * 1024;

  private Icons() {}

  /** The icon's bytes, at most {@link #MAX_SIZE} (413 beyond, up front when declared). */
  static byte[] read(InputStream in, long declaredLength) {
    if (declaredLength > MAX_SIZE) {
      throw tooLarge();
    }
    try {
      byte[] bytes = in.readNBytes(MAX_SIZE + 1);
      if (bytes.length > MAX_SIZE) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("the upload was interrupted", e);
    }
  }

  /** The content type of an allowed image, from its first bytes; 415 for anything else. */
  static String requireImage(byte[] bytes) {
    return type(bytes)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "An icon must be a PNG, JPEG, GIF or WebP image (SVG is not accepted)"));
  }

  /** {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}; else empty. */
  static Optional<String> type(byte[] b) {
    if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of("image/gif");
    }
    if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int offset, int... magic) {
    if (b.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[offset + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "An icon is at most " + MAX_SIZE / 1024 + " KiB");
  }
}
