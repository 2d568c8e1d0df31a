package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. {@code /api/**}: bearer tokens, never creates a session; it also reads an
 * existing browser session (so the console can call the API), and then, for unsafe methods only,
 * demands the CSRF token; bearer calls need none. Everything else: OAuth2 login (code + PKCE) with
 * a server-side session in PostgreSQL and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
  private static final String[] PUBLIC = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/prometheus", // scraped without a token; restrict at the network (docs/multi-node.md)
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/error",
    "/signed-out",
    "/css/**",
    "/js/**",
    "/webjars/**",
    "/favicon.ico"
  };
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * No Micrometer observation around each security filter, authentication and authorization: with
   * the actuator present Spring Security wraps every filter of both chains in one, which was about
   * a fifth of the CPU of an authorized API call (JFR, issue 10). Requests are still observed as a
   * whole ({@code http.server.requests}); sign-in outcomes are in the audit trail.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  ProblemAuthHandlers problemAuthHandlers(JsonMapper json, SignInAudit audit) {
    return new ProblemAuthHandlers(json, audit);
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, JwtDecoder decoder, ProblemAuthHandlers problems, ActorFilters actors)
      throws Exception {
    HttpSessionSecurityContextRepository readOnly = new HttpSessionSecurityContextRepository();
    readOnly.setAllowSessionCreation(false);
    RequestMatcher cookieAuthenticatedUnsafe =
        r ->
            !SAFE.contains(r.getMethod())
                && ProblemAuthHandlers.bearer(r) == null
                && r.getRequestedSessionId() != null;
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .securityContext(c -> c.securityContextRepository(readOnly))
        .requestCache(c -> c.disable())
        .csrf(c -> c.requireCsrfProtectionMatcher(cookieAuthenticatedUnsafe))
        .oauth2ResourceServer(
            o ->
                o.jwt(j -> j.decoder(decoder))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(SecurityConfig::headers)
        .addFilterBefore(actors.create(), ExceptionTranslationFilter.class);
    return http.build();
  }

  @Bean
  SecurityFilterChain web(
      HttpSecurity http,
      ClientRegistrationRepository clients,
      BrowserSignIn signIn,
      ActorFilters actors)
      throws Exception {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    http.securityMatcher("/**")
        .authorizeHttpRequests(
            a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
        .oauth2Login(
            o ->
                o.clientRegistrationRepository(clients)
                    .authorizationEndpoint(e -> e.authorizationRequestResolver(resolver))
                    .successHandler(signIn)
                    .failureHandler(signIn))
        .logout(l -> l.logoutSuccessUrl("/signed-out"))
        .exceptionHandling(e -> e.accessDeniedHandler(new ConsoleCsrfFailure()))
        .headers(SecurityConfig::headers)
        .addFilterBefore(actors.create(), ExceptionTranslationFilter.class);
    return http.build();
  }

  /** On every response: see {@link SecurityHeaders}. */
  static void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          h) {
    h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
        .referrerPolicy(
            r ->
                r.policy(
                    org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                        .ReferrerPolicy.SAME_ORIGIN));
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
