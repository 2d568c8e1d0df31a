package dev.tenantry.directory.web;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.directory.internal.ComputerTenantChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the computers API; limits mirror the schema. */
final class ComputerRequests {
  private ComputerRequests() {}

  record Create(
      @NotNull UUID tenantId,
      @NotBlank @Size(max = 200) String name,
      @NotNull ComputerType type,
      @Nullable UUID primaryPersonId,
      @Size(max = 200) @Nullable String os,
      @Size(max = 200) @Nullable String serial) {}

  /** A full replacement; {@code tenantId} may be sent but cannot change. */
  record Update(
      @Nullable UUID tenantId,
      @NotBlank @Size(max = 200) String name,
      @NotNull ComputerType type,
      @Nullable UUID primaryPersonId,
      @Size(max = 200) @Nullable String os,
      @Size(max = 200) @Nullable String serial,
      @Nullable Long version) {}

  record ChangeTenant(
      @NotEmpty @Size(max = ComputerTenantChange.MAX_COMPUTERS) List<@NotNull UUID> computerIds,
      @NotNull UUID targetTenantId) {}

  static String orEmpty(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
