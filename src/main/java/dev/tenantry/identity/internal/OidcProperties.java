package dev.tenantry.identity.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from and what they must look like. Tokens are Entra ID v2 tokens: {@code iss}
 * is {@code <authority>/<tid>/v2.0} and keys come only from {@code jwks-uri}. With {@code
 * local-provider.enabled} (the embedded default) an in-process provider on loopback plays Entra and
 * the blank URIs are filled in from it.
 *
 * @param authority e.g. {@code https://login.microsoftonline.com} (no trailing slash)
 * @param homeTenantId the MSP's own Entra tenant; always accepted as {@code tid}
 * @param audiences accepted {@code aud} values of API access tokens (app id URI and/or client id)
 * @param clientId the app registration used for browser sign-in (also the ID token audience)
 */
@ConfigurationProperties("tenantry.oidc")
record OidcProperties(
    @DefaultValue LocalProvider localProvider,
    @DefaultValue("https://login.microsoftonline.com") String authority,
    @DefaultValue("00000000-0000-0000-0000-000000000000") UUID homeTenantId,
    @DefaultValue("https://login.microsoftonline.com/common/discovery/v2.0/keys") String jwksUri,
    @DefaultValue("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize")
        String authorizationUri,
    @DefaultValue("https://login.microsoftonline.com/organizations/oauth2/v2.0/token")
        String tokenUri,
    @DefaultValue("tenantry") List<String> audiences,
    @DefaultValue("tenantry") String clientId,
    @DefaultValue("") String clientSecret) {

  OidcProperties {
    if (localProvider.enabled()) {
      String base = "http://localhost:" + localProvider.port();
      String home = base + "/" + homeTenantId + "/v2.0";
      authority = base;
      jwksUri = home + "/jwks";
      authorizationUri = home + "/authorize";
      tokenUri = home + "/token";
    }
  }

  /** Entra's consumer (MSA) tenant: personal accounts are never accepted. */
  static final UUID CONSUMER_TENANT = UUID.fromString("9188040d-6c67-4c5b-b112-36a304b66dad");

  String issuerFor(UUID tid) {
    return authority + "/" + tid + "/v2.0";
  }

  record LocalProvider(@DefaultValue("false") boolean enabled, @DefaultValue("9080") int port) {}
}
