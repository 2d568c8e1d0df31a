package dev.tenantry.identity.internal;

import java.net.InetAddress;
import java.util.Arrays;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * A real OIDC provider on loopback for local use (no.nav mock-oauth2-server), so that a newcomer can
 * sign in without an Entra tenant. Never in the {@code production} profile.
 */
final class LocalOidcProvider implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalOidcProvider.class);
  private final MockOAuth2Server server = new MockOAuth2Server();
  private final String issuerId;

  LocalOidcProvider(OidcProperties.LocalProvider config, Environment env) {
    if (Arrays.asList(env.getActiveProfiles()).contains("production")) {
      throw new IllegalStateException(
          "The local OIDC provider is for development only and is refused in the production"
              + " profile: set tenantry.oidc.local-provider.enabled=false and configure"
              + " tenantry.oidc.issuer / jwks-uri for Entra ID");
    }
    this.issuerId = config.issuerId();
    server.start(InetAddress.getLoopbackAddress(), config.port());
    log.warn("Local OIDC provider (development only) started at {}", issuer());
  }

  String issuer() {
    return server.issuerUrl(issuerId).toString();
  }

  String jwksUri() {
    return server.jwksUrl(issuerId).toString();
  }

  MockOAuth2Server server() {
    return server;
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
