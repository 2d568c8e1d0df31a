package dev.tenantry.support;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * One real OIDC provider per test JVM (mock-oauth2-server on loopback), issuing signed tokens
 * shaped like Entra ID v2 access tokens.
 */
public final class TestOidc {
  public static final String ISSUER_ID = "entra";
  public static final String AUDIENCE = "tenantry";
  private static final MockOAuth2Server SERVER = start();

  private TestOidc() {}

  private static MockOAuth2Server start() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start(InetAddress.getLoopbackAddress(), 0);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    return server;
  }

  public static MockOAuth2Server server() {
    return SERVER;
  }

  public static String issuer() {
    return SERVER.issuerUrl(ISSUER_ID).toString();
  }

  public static String jwksUri() {
    return SERVER.jwksUrl(ISSUER_ID).toString();
  }

  /** A signed access token for the Entra identity (tid, oid). */
  public static String token(UUID tid, UUID oid, String username) {
    return token(tid, oid, username, Map.of());
  }

  public static String token(UUID tid, UUID oid, String username, Map<String, Object> extra) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("tid", tid.toString());
    claims.put("oid", oid.toString());
    claims.put("preferred_username", username);
    claims.put("name", username);
    claims.put("ver", "2.0");
    claims.putAll(extra);
    return SERVER.issueToken(ISSUER_ID, oid.toString(), AUDIENCE, claims, 3600).serialize();
  }
}
