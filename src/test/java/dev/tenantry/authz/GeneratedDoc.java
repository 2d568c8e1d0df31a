package dev.tenantry.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A committed file that must equal generated text; {@code -Dregenerate=true} rewrites it instead of
 * failing.
 */
final class GeneratedDoc {
  private GeneratedDoc() {}

  static void assertUpToDate(Path file, String generated) throws IOException {
    if (Boolean.getBoolean("regenerate")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as("%s is stale; regenerate with: %s", file, PermissionDocs.REGENERATE)
        .isEqualTo(generated);
  }
}
