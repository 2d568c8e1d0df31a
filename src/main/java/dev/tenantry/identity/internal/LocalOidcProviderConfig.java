package dev.tenantry.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Development only: starts the {@link LocalOidcProvider} when {@code
 * tenantry.oidc.local-provider.enabled}. Not compiled into the production build (see the {@code
 * production} profile of pom.xml); {@link OidcBeans} refuses to start when the provider is enabled
 * but absent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "no.nav.security.mock.oauth2.MockOAuth2Server")
@ConditionalOnProperty(name = "tenantry.oidc.local-provider.enabled", havingValue = "true")
class LocalOidcProviderConfig {

  @Bean(destroyMethod = "close")
  LocalOidcProvider localOidcProvider(OidcProperties props, Environment env) {
    return new LocalOidcProvider(props, env);
  }
}
