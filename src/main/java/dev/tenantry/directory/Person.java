package dev.tenantry.directory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Someone known in a tenant; may be a computer's primary person and may become a user. */
public record Person(
    UUID id,
    UUID tenantId,
    String givenName,
    String familyName,
    String email,
    @Nullable UUID azureObjectId,
    PersonSource source,
    long version,
    EntraState entraState) {

  public String displayName() {
    return (givenName + " " + familyName).strip();
  }
}
