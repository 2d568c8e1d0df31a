package dev.tenantry.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified Entra identity: (tid, oid) for a person, (tid, appId) for an app-only token. Name and
 * e-mail are display data only. {@code viaSession} tells a browser session from a bearer token.
 */
record EntraIdentity(
    UUID tid,
    UUID objectId,
    boolean app,
    String username,
    String name,
    String email,
    boolean viaSession) {

  static @Nullable EntraIdentity of(@Nullable Authentication auth) {
    if (auth instanceof JwtAuthenticationToken t) {
      var jwt = t.getToken();
      boolean app = jwt.getClaimAsString("scp") == null;
      String objectId = app ? EntraClaimsValidator.appId(jwt) : jwt.getClaimAsString("oid");
      return from(jwt.getClaims(), objectId, app, false);
    }
    if (auth instanceof OAuth2AuthenticationToken t && t.getPrincipal() instanceof OidcUser u) {
      return from(u.getClaims(), u.getClaimAsString("oid"), false, true);
    }
    return null;
  }

  private static @Nullable EntraIdentity from(
      Map<String, Object> claims, @Nullable String objectId, boolean app, boolean session) {
    UUID tid = EntraClaimsValidator.guid(str(claims, "tid"));
    UUID oid = EntraClaimsValidator.guid(objectId);
    if (tid == null || oid == null) {
      return null;
    }
    String username = str(claims, "preferred_username");
    String name = str(claims, "name");
    String email = str(claims, "email");
    return new EntraIdentity(
        tid,
        oid,
        app,
        username == null ? "" : username,
        name == null ? (username == null ? "" : username) : name,
        email == null ? (username != null && username.contains("@") ? username : "") : email,
        session);
  }

  private static @Nullable String str(Map<String, Object> claims, String key) {
    Object v = claims.get(key);
    return v == null ? null : v.toString();
  }

  String label() {
    return username.isBlank() ? (name.isBlank() ? objectId.toString() : name) : username;
  }
}
