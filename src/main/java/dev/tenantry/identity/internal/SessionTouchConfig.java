package dev.tenantry.identity.internal;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Puts {@link ThrottledTouchSessions} in front of Spring Boot's JDBC session repository. The
 * repository itself stays Boot's (table, timeout, clean-up); only the session filter is rebuilt
 * around the throttling wrapper, with the same session id resolver (the cookie serializer Boot
 * configures from {@code server.servlet.session.cookie.*}).
 */
@Configuration(proxyBeanMethods = false)
class SessionTouchConfig {

  @Bean
  static BeanPostProcessor throttledSessionTouch(
      ObjectProvider<SessionProperties> properties,
      ObjectProvider<FindByIndexNameSessionRepository<?>> repositories,
      ObjectProvider<HttpSessionIdResolver> resolvers,
      ObjectProvider<CookieSerializer> cookies,
      ObjectProvider<SessionSnapshots> snapshots) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof SessionRepositoryFilter<?>)) {
          return bean;
        }
        Duration interval = properties.getObject().effectiveTouchInterval();
        if (interval.isZero()) {
          return bean;
        }
        var filter =
            new RequestScopedSessionFilter(
                new ThrottledTouchSessions(
                    repositories.getObject(), interval, snapshots.getObject()));
        HttpSessionIdResolver resolver = resolvers.getIfAvailable();
        if (resolver == null) {
          CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
          cookies.ifAvailable(byCookie::setCookieSerializer);
          resolver = byCookie;
        }
        filter.setHttpSessionIdResolver(resolver);
        return filter;
      }
    };
  }

  /**
   * The session filter, with the session read once per request ({@link ThrottledTouchSessions}).
   */
  static final class RequestScopedSessionFilter
      extends SessionRepositoryFilter<ThrottledTouchSessions.TouchSession> {
    private final ThrottledTouchSessions sessions;

    RequestScopedSessionFilter(ThrottledTouchSessions sessions) {
      super(sessions);
      this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws jakarta.servlet.ServletException, java.io.IOException {
      boolean opened = sessions.openRequest();
      try {
        super.doFilterInternal(request, response, chain);
      } finally {
        if (opened) {
          sessions.closeRequest();
        }
      }
    }
  }
}
