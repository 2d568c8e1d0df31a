package dev.tenantry.identity.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the rate limits around the security filter chain (which runs at order -100): the
 * sign-in failure limit before it (it refuses before a token is verified), the per-identity and
 * per-IP limits after it (they need the verified identity). See docs/multi-node.md.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {
  private static final int SECURITY_ORDER = -100;

  @Bean
  FilterRegistrationBean<SignInFailureLimit> signInFailureLimit(
      JdbcClient jdbc,
      JsonMapper json,
      @Value("${tenantry.rate-limit.sign-in-failures:20}") int max,
      @Value("${tenantry.rate-limit.sign-in-failure-window:15m}") Duration window) {
    var r = new FilterRegistrationBean<>(new SignInFailureLimit(jdbc, max, window, json));
    r.setOrder(SECURITY_ORDER - 1);
    return r;
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "tenantry.rate-limit.enabled", matchIfMissing = true)
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
      JsonMapper json,
      @Value("${tenantry.rate-limit.per-identity:6000}") long perIdentity,
      @Value("${tenantry.rate-limit.per-ip:18000}") long perIp,
      @Value("${tenantry.rate-limit.period:1m}") Duration period) {
    var r =
        new FilterRegistrationBean<>(
            new RateLimitFilter(
                new RateLimits(perIdentity, period), new RateLimits(perIp, period), json));
    r.setOrder(SECURITY_ORDER + 1);
    r.addUrlPatterns("/api/*");
    return r;
  }
}
