package dev.tenantry.identity.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from. With {@code local-provider.enabled} (the embedded default) an in-process
 * OIDC provider on loopback issues them; otherwise {@code issuer} and {@code jwks-uri} name the real
 * one.
 */
@ConfigurationProperties("tenantry.oidc")
record OidcProperties(
    @DefaultValue LocalProvider localProvider,
    @DefaultValue("") String issuer,
    @DefaultValue("") String jwksUri,
    @DefaultValue("tenantry") List<String> audiences) {

  record LocalProvider(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("9080") int port,
      @DefaultValue("entra") String issuerId) {}
}
