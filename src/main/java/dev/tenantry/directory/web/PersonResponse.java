package dev.tenantry.directory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tenantry.directory.EntraState;
import dev.tenantry.directory.Person;
import dev.tenantry.directory.PersonSource;
import dev.tenantry.directory.internal.AzureSyncedFields;
import dev.tenantry.directory.internal.PersonView;
import dev.tenantry.directory.internal.TagRef;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person on the API. {@code synced} names the fields the Azure sync owns; {@code entraState} is
 * what Entra ID last said of the person (read-only: written by directory sync).
 */
record PersonResponse(
    UUID id,
    UUID tenantId,
    String givenName,
    String familyName,
    String displayName,
    String email,
    @Nullable UUID azureObjectId,
    PersonSource source,
    EntraState entraState,
    List<String> synced,
    List<TagRef> tags,
    @JsonProperty("isUser") boolean isUser,
    @Nullable UUID userId,
    long version,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

  static PersonResponse of(PersonView v) {
    return of(v, List.of());
  }

  static PersonResponse of(PersonView v, List<String> warnings) {
    Person p = v.person();
    return new PersonResponse(
        p.id(),
        p.tenantId(),
        p.givenName(),
        p.familyName(),
        p.displayName(),
        p.email(),
        p.azureObjectId(),
        p.source(),
        p.entraState(),
        AzureSyncedFields.of(p),
        v.tags(),
        v.userId() != null,
        v.userId(),
        p.version(),
        warnings);
  }
}
