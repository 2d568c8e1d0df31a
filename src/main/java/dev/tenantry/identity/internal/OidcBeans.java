package dev.tenantry.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.util.ClassUtils;

/**
 * The token side of sign-in: the API's access-token decoder, the ID-token decoder of browser
 * sign-in (same keys, same Entra rules, plus the OIDC ID token rules) and the one client
 * registration ("entra"). The local provider of development ({@link LocalOidcProviderConfig}) is
 * not part of the production build: enabling it there stops the start with a clear message.
 */
@Configuration(proxyBeanMethods = false)
class OidcBeans {
  static final String LOCAL_PROVIDER_CLASS = "no.nav.security.mock.oauth2.MockOAuth2Server";

  @Bean
  JwtDecoder jwtDecoder(OidcProperties props, TrustedTenants tenants) {
    requireLocalProviderPresentWhenEnabled(props);
    return new CachingJwtDecoder(
        new StrictJwtDecoder(
            props.jwksUri(),
            new EntraClaimsValidator(props, tenants, EntraClaimsValidator.Kind.ACCESS)),
        java.time.Clock.systemUTC());
  }

  @Bean
  JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(
      OidcProperties props, TrustedTenants tenants) {
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

  static void requireLocalProviderPresentWhenEnabled(OidcProperties props) {
    if (props.localProvider().enabled()
        && !ClassUtils.isPresent(LOCAL_PROVIDER_CLASS, OidcBeans.class.getClassLoader())) {
      throw new IllegalStateException(
          "tenantry.oidc.local-provider.enabled is true, but this build (the production jar) has"
              + " no local OIDC provider: run with the production profile"
              + " (SPRING_PROFILES_ACTIVE=production) or TENANTRY_LOCAL_OIDC=false, and configure"
              + " Entra ID (tenantry.oidc.*)");
    }
  }
}
