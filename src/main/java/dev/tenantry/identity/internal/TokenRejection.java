package dev.tenantry.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a bearer token was refused, in words safe to tell the caller (RFC 6750 {@code
 * error_description}). The detailed reason goes to the audit only: the public text comes from a
 * fixed list, so it can never name a directory that is (or is not) linked, a user, or a key. A
 * reason not on the list is answered with the generic sentence.
 */
final class TokenRejection {
  static final String GENERIC = "the token was not accepted";

  /** (fragment of the internal reason, lower case) → public description; first match wins. */
  private static final List<Map.Entry<String, String>> PUBLIC =
      List.of(
          Map.entry("expired", "the token has expired"),
          Map.entry("used before", "the token is not valid yet"),
          Map.entry("invalid signature", "the token's signature does not verify"),
          Map.entry("no matching key", "the token is not signed by a key this service trusts"),
          Map.entry("algorithm", "the token's signing algorithm is not accepted"),
          Map.entry("key source", "tokens naming their own key source are refused"),
          Map.entry("no kid", "the token names no signing key (kid)"),
          Map.entry("not a signed jwt", "the token is not a signed JWT"),
          Map.entry("malformed", "the token is not a signed JWT"),
          Map.entry("wrong audience", "the token is meant for another audience"),
          Map.entry("ver must be 2.0", "not an Entra ID v2.0 access token"),
          Map.entry("an id token is not an access token", "an ID token is not an access token"),
          Map.entry("iss does not match", "the token's issuer does not match its tenant"),
          Map.entry("personal microsoft accounts", "personal Microsoft accounts are not accepted"),
          Map.entry("tid is not a guid", "the token's tid is not a GUID"),
          Map.entry("oid is not a guid", "the token's oid is not a GUID"));

  private TokenRejection() {}

  static String publicReason(String internalReason) {
    String r = internalReason.toLowerCase(Locale.ROOT);
    for (var e : PUBLIC) {
      if (r.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return GENERIC;
  }

  /** The RFC 6750 challenge for a refused token (the description holds no quote or backslash). */
  static String challenge(String publicReason) {
    return "Bearer error=\"invalid_token\", error_description=\"" + publicReason + "\"";
  }
}
