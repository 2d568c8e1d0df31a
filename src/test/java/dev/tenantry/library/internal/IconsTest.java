package dev.tenantry.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Icons are typed by their first bytes from a fixed allow-list; SVG and anything else refused. */
class IconsTest {

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void theTypeComesFromTheBytesOfPngJpegGifAndWebpOnly() {
    assertThat(Icons.type(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
        .hasValue("image/png");
    assertThat(Icons.type(bytes(0xFF, 0xD8, 0xFF, 0xE0))).hasValue("image/jpeg");
    assertThat(Icons.type("GIF89a....".getBytes(StandardCharsets.US_ASCII))).hasValue("image/gif");
    assertThat(Icons.type("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
        .hasValue("image/webp");
    assertThat(Icons.type("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(Icons.type(bytes(0x89, 'P', 'N'))).as("too short").isEmpty();
  }

  @Test
  void svgAndHtmlAreRefusedWhateverTheyClaim() {
    for (String text :
        new String[] {
          "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
          "<?xml version='1.0'?><svg/>",
          "<html><script>alert(1)</script></html>"
        }) {
      assertThatThrownBy(() -> Icons.requireImage(text.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }
  }

  @Test
  void anIconOverTheLimitIsRefusedWithPayloadTooLargeDeclaredOrNot() {
    byte[] big = new byte[Icons.MAX_SIZE + 1];
    assertThatThrownBy(() -> Icons.read(new ByteArrayInputStream(big), -1))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    assertThatThrownBy(() -> Icons.read(new ByteArrayInputStream(new byte[0]), Icons.MAX_SIZE + 1L))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    assertThat(Icons.read(new ByteArrayInputStream(new byte[Icons.MAX_SIZE]), -1))
        .hasSize(Icons.MAX_SIZE);
  }
}
