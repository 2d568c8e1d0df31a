package dev.tenantry.directory.web;

import dev.tenantry.directory.PersonSource;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the people API; limits mirror the schema. */
final class PersonRequests {
  private PersonRequests() {}

  record Create(
      @NotNull UUID tenantId,
      @NotBlank @Size(max = 200) String givenName,
      @Size(max = 200) @Nullable String familyName,
      @Email @Size(max = 320) @Nullable String email,
      @Pattern(regexp = Guid.PATTERN, message = Guid.MESSAGE) @Nullable String azureObjectId,
      @Nullable PersonSource source) {}

  /** A full replacement; {@code tenantId} may be sent but cannot change. */
  record Update(
      @Nullable UUID tenantId,
      @NotBlank @Size(max = 200) String givenName,
      @Size(max = 200) @Nullable String familyName,
      @Email @Size(max = 320) @Nullable String email,
      @Pattern(regexp = Guid.PATTERN, message = Guid.MESSAGE) @Nullable String azureObjectId,
      @Nullable Long version) {}

  static String orEmpty(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
