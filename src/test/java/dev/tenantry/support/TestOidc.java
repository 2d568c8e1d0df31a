package dev.tenantry.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * One real OIDC provider per test JVM (mock-oauth2-server on loopback) playing Entra ID: its base
 * URL is the authority, issuers are {@code <authority>/<tid>/v2.0}, and its JWKS for the home
 * issuer is the one key set the application trusts. We hand it our own RSA key so that tests can
 * sign Entra-shaped tokens for any tid (as Entra signs every tenant's tokens with its common keys).
 */
public final class TestOidc {
  public static final String AUDIENCE = "tenantry";
  public static final String CLIENT_ID = "tenantry";

  /** The app registration that "called" the API in delegated tokens. */
  public static final UUID CALLER_APP = UUID.fromString("22222222-2222-4222-8222-222222222222");

  public static final String HOME_ISSUER_ID = IntegrationTest.HOME_TID + "/v2.0";
  private static final RSAKey KEY;
  private static final MockOAuth2Server SERVER;

  static {
    try {
      KeyProvider keys = new KeyProvider(List.of(new RSAKeyGenerator(2048).generate()), "RS256");
      KEY = (RSAKey) keys.signingKey(HOME_ISSUER_ID); // the home issuer takes our key, kid = its id
      SERVER =
          new MockOAuth2Server(
              new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
      SERVER.start(InetAddress.getLoopbackAddress(), 0);
      Runtime.getRuntime().addShutdownHook(new Thread(SERVER::shutdown));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TestOidc() {}

  public static MockOAuth2Server server() {
    return SERVER;
  }

  /** The configured authority, e.g. {@code http://localhost:41234}. */
  public static String authority() {
    String base = SERVER.baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public static String issuer(UUID tid) {
    return authority() + "/" + tid + "/v2.0";
  }

  public static String issuer() {
    return issuer(IntegrationTest.HOME_TID);
  }

  public static String jwksUri() {
    return SERVER.jwksUrl(HOME_ISSUER_ID).toString();
  }

  public static RSAKey homeKey() {
    return KEY;
  }

  /** A signed Entra v2 delegated access token for the identity (tid, oid). */
  public static String token(UUID tid, UUID oid, String username) {
    return token(tid, oid, username, Map.of());
  }

  public static String token(UUID tid, UUID oid, String username, Map<String, Object> extra) {
    Map<String, Object> claims = claims(tid, oid, username);
    claims.putAll(extra);
    return sign(claims);
  }

  /** An app-only token of application {@code appId} (client credentials, application roles). */
  public static String appToken(UUID tid, UUID appId) {
    Map<String, Object> claims = claims(tid, appId, "");
    claims.remove("scp");
    claims.remove("preferred_username");
    claims.put("azp", appId.toString());
    claims.put("roles", List.of("Tenantry.Api"));
    claims.put("idtyp", "app");
    return sign(claims);
  }

  /** The claims of an Entra v2 delegated access token; change them to forge variants. */
  public static Map<String, Object> claims(UUID tid, UUID oid, String username) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> c = new HashMap<>();
    c.put("iss", issuer(tid));
    c.put("aud", AUDIENCE);
    c.put("sub", "s-" + oid);
    c.put("tid", tid.toString());
    c.put("oid", oid.toString());
    c.put("preferred_username", username);
    c.put("name", username);
    c.put("ver", "2.0");
    c.put("scp", "access_as_user");
    c.put("azp", CALLER_APP.toString());
    c.put("iat", now);
    c.put("nbf", now);
    c.put("exp", now + 3600);
    return c;
  }

  public static String sign(Map<String, Object> claims) {
    return sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(KEY.getKeyID())
            .type(JOSEObjectType.JWT)
            .build(),
        claims,
        KEY);
  }

  public static String sign(JWSHeader header, Map<String, Object> claims, RSAKey key) {
    try {
      JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
      claims.forEach(
          (k, v) ->
              b.claim(
                  k,
                  v instanceof Long l && List.of("iat", "nbf", "exp").contains(k)
                      ? Date.from(Instant.ofEpochSecond(l))
                      : v));
      SignedJWT jwt = new SignedJWT(header, b.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
