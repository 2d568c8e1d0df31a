package dev.tenantry.sync.internal;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One user of a Graph {@code /users/delta} page. A null field was absent from the answer (a delta
 * lists only what changed) and keeps the stored value; a JSON null clears it (empty string). {@code
 * removed} is Graph's {@code @removed} marker (deleted, or out of the app's reach).
 */
record EntraUser(
    UUID oid,
    boolean removed,
    @Nullable String givenName,
    @Nullable String surname,
    @Nullable String mail,
    @Nullable String upn,
    @Nullable String jobTitle,
    @Nullable Boolean accountEnabled) {

  /** The {@code $select} of the fields Tenantry owns for a synced person. */
  static final String SELECT =
      "id,givenName,surname,mail,userPrincipalName,jobTitle,accountEnabled";

  static @Nullable EntraUser parse(JsonNode n) {
    UUID oid;
    try {
      oid = UUID.fromString(n.path("id").asString(""));
    } catch (IllegalArgumentException notAGuid) {
      return null;
    }
    return new EntraUser(
        oid,
        n.has("@removed"),
        text(n, "givenName", 200),
        text(n, "surname", 200),
        text(n, "mail", 320),
        text(n, "userPrincipalName", 320),
        text(n, "jobTitle", 200),
        n.has("accountEnabled") && !n.get("accountEnabled").isNull()
            ? n.get("accountEnabled").asBoolean()
            : null);
  }

  /** The domain of {@code upn} (lower case), or "" when it has none. */
  static String domainOf(String upn) {
    int at = upn.lastIndexOf('@');
    return at < 0 ? "" : upn.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static @Nullable String text(JsonNode n, String field, int max) {
    if (!n.has(field)) {
      return null;
    }
    JsonNode v = n.get(field);
    String s = v.isNull() ? "" : v.asString("").strip();
    return s.length() > max ? s.substring(0, max) : s;
  }
}
