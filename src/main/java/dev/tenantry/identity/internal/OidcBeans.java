package dev.tenantry.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * The token side of sign-in: the API's access-token decoder, the ID-token decoder of browser
 * sign-in (same keys, same Entra rules, plus the OIDC ID token rules), the one client registration
 * ("entra"), and the local provider when enabled (started before anything fetches its keys).
 */
@Configuration(proxyBeanMethods = false)
class OidcBeans {

  @Bean(destroyMethod = "close")
  LocalProviderHolder localOidcProvider(OidcProperties props, Environment env) {
    return new LocalProviderHolder(
        props.localProvider().enabled() ? new LocalOidcProvider(props, env) : null);
  }

  @Bean
  JwtDecoder jwtDecoder(OidcProperties props, TrustedTenants tenants, LocalProviderHolder local) {
    return new CachingJwtDecoder(
        new StrictJwtDecoder(
            props.jwksUri(),
            new EntraClaimsValidator(props, tenants, EntraClaimsValidator.Kind.ACCESS)),
        java.time.Clock.systemUTC());
  }

  @Bean
  JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(
      OidcProperties props, TrustedTenants tenants, LocalProviderHolder local) {
    return registration ->
        new StrictJwtDecoder(
            props.jwksUri(),
            new DelegatingOAuth2TokenValidator<>(
                new OidcIdTokenValidator(registration),
                new EntraClaimsValidator(props, tenants, EntraClaimsValidator.Kind.ID)));
  }

  @Bean
  ClientRegistrationRepository clientRegistrations(OidcProperties props) {
    boolean publicClient = props.clientSecret().isBlank();
    ClientRegistration entra =
        ClientRegistration.withRegistrationId("entra")
            .clientName("Microsoft Entra ID")
            .clientId(props.clientId())
            .clientSecret(publicClient ? null : props.clientSecret())
            .clientAuthenticationMethod(
                publicClient
                    ? ClientAuthenticationMethod.NONE
                    : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile", "email")
            .authorizationUri(props.authorizationUri())
            .tokenUri(props.tokenUri())
            .jwkSetUri(props.jwksUri())
            .userNameAttributeName("oid")
            .build();
    return new InMemoryClientRegistrationRepository(entra);
  }

  /** Lets the provider be absent without a null bean. */
  record LocalProviderHolder(@Nullable LocalOidcProvider provider) implements AutoCloseable {
    @Override
    public void close() {
      if (provider != null) {
        provider.close();
      }
    }
  }
}
