package dev.tenantry.identity.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/** Every route requires a validated bearer token, except health and the API document. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, JwtDecoder decoder, JdbcClient jdbc, JsonMapper json) throws Exception {
    ProblemAuthHandlers problems = new ProblemAuthHandlers(json);
    http.securityMatcher("/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .oauth2ResourceServer(
            o ->
                o.jwt(j -> j.decoder(decoder))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(Customizer.withDefaults())
        .addFilterAfter(new ActorFilter(jdbc), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  @Bean(destroyMethod = "close")
  LocalOidcProviderHolder localOidcProvider(OidcProperties props, Environment env) {
    return new LocalOidcProviderHolder(
        props.localProvider().enabled() && props.issuer().isBlank()
            ? new LocalOidcProvider(props.localProvider(), env)
            : null);
  }

  @Bean
  JwtDecoder jwtDecoder(OidcProperties props, ObjectProvider<LocalOidcProviderHolder> local) {
    LocalOidcProvider provider = local.getObject().provider();
    String issuer = provider != null ? provider.issuer() : props.issuer();
    String jwks = provider != null ? provider.jwksUri() : props.jwksUri();
    if (issuer.isBlank() || jwks.isBlank()) {
      throw new IllegalStateException(
          "No token issuer configured: set tenantry.oidc.issuer and tenantry.oidc.jwks-uri, or"
              + " enable tenantry.oidc.local-provider for local use");
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks).build();
    List<String> audiences = props.audiences();
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            "aud", aud -> aud != null && aud.stream().anyMatch(audiences::contains));
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience));
    return decoder;
  }

  /** Lets the provider be absent without a null bean. */
  record LocalOidcProviderHolder(@Nullable LocalOidcProvider provider) implements AutoCloseable {
    @Override
    public void close() {
      if (provider != null) {
        provider.close();
      }
    }
  }
}
