package dev.tenantry.sync.internal;

import java.util.UUID;

/** The Entra-owned fields of a stored person, as the sync compares and writes them. */
record SyncedPerson(
    UUID id,
    UUID oid,
    String givenName,
    String familyName,
    String email,
    String upn,
    String jobTitle,
    String entraState,
    String source) {

  /** This person with what {@code u} says (absent fields kept); never another tenant or id. */
  SyncedPerson with(EntraUser u) {
    String state =
        u.removed()
            ? "REMOVED"
            : u.accountEnabled() != null
                ? (u.accountEnabled() ? "ACTIVE" : "DISABLED")
                : "REMOVED".equals(entraState) ? "ACTIVE" : entraState;
    return new SyncedPerson(
        id,
        oid,
        u.removed() || u.givenName() == null ? givenName : u.givenName(),
        u.removed() || u.surname() == null ? familyName : u.surname(),
        u.removed() || u.mail() == null ? email : u.mail(),
        u.removed() || u.upn() == null ? upn : u.upn(),
        u.removed() || u.jobTitle() == null ? jobTitle : u.jobTitle(),
        state,
        "AZURE");
  }

  static SyncedPerson fresh(UUID id, EntraUser u) {
    return new SyncedPerson(
        id,
        u.oid(),
        orEmpty(u.givenName()),
        orEmpty(u.surname()),
        orEmpty(u.mail()),
        orEmpty(u.upn()),
        orEmpty(u.jobTitle()),
        Boolean.FALSE.equals(u.accountEnabled()) ? "DISABLED" : "ACTIVE",
        "AZURE");
  }

  SyncedPerson withState(String state) {
    return new SyncedPerson(id, oid, givenName, familyName, email, upn, jobTitle, state, source);
  }

  boolean active() {
    return "ACTIVE".equals(entraState);
  }

  private static String orEmpty(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "" : s;
  }
}
