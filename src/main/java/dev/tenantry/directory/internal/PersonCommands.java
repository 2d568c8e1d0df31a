package dev.tenantry.directory.internal;

import dev.tenantry.directory.PersonSource;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Inputs and outputs of the person use cases. */
public final class PersonCommands {
  private PersonCommands() {}

  public record Create(
      UUID tenantId,
      String givenName,
      String familyName,
      String email,
      @Nullable UUID azureObjectId,
      PersonSource source) {}

  /** A full replacement of the editable fields; {@code tenantId}, when given, must not change. */
  public record Update(
      @Nullable UUID tenantId,
      String givenName,
      String familyName,
      String email,
      @Nullable UUID azureObjectId,
      long expectedVersion) {}

  /** The person after a change, with warnings for the caller (e.g. fields the sync overwrites). */
  public record Changed(PersonView view, List<String> warnings) {}
}
