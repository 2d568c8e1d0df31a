package dev.tenantry.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in console pages are written as they are in the templates. Spring Boot would otherwise
 * register a {@link ResourceUrlEncodingFilter} (the resource chain is on because of the WebJars
 * locator), which passes every {@code @{…}} link of every page through the static-resource
 * resolvers; a link that is not a static file ({@code /tenants}, {@code /profile}, …) is never
 * cached, so each one looked itself up in every static location on the whole class path, on every
 * page (most of a console page's time, issue 10). Links to static assets alone are rewritten to
 * their versioned URLs by {@link StaticAssets}; version-less asset paths are still served
 * (ConsoleLinksTest).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLinks {

  /** Registered but disabled: Boot's own registration backs off when this bean exists. */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }
}
