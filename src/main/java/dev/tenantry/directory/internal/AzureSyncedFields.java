package dev.tenantry.directory.internal;

import dev.tenantry.directory.Person;
import dev.tenantry.directory.PersonSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields the hourly Azure sync owns on an AZURE person (seed 000: "any other changes to the
 * details here will be overwritten by the Azure sync"). Manual edits are accepted, with a warning.
 */
public final class AzureSyncedFields {
  public static final List<String> FIELDS =
      List.of("givenName", "familyName", "email", "azureObjectId");

  private AzureSyncedFields() {}

  public static List<String> of(Person p) {
    return p.source() == PersonSource.AZURE ? FIELDS : List.of();
  }

  /** The warnings for an edit from {@code before} to {@code after}; none for MANUAL people. */
  static List<String> warnings(Person before, Person after) {
    if (before.source() != PersonSource.AZURE) {
      return List.of();
    }
    List<String> changed = new ArrayList<>();
    if (!before.givenName().equals(after.givenName())) {
      changed.add("givenName");
    }
    if (!before.familyName().equals(after.familyName())) {
      changed.add("familyName");
    }
    if (!before.email().equals(after.email())) {
      changed.add("email");
    }
    if (!Objects.equals(before.azureObjectId(), after.azureObjectId())) {
      changed.add("azureObjectId");
    }
    return changed.isEmpty()
        ? List.of()
        : List.of(
            String.join(", ", changed)
                + (changed.size() == 1 ? " is" : " are")
                + " synced from Azure: this manual change will be overwritten by the next Azure sync");
  }
}
