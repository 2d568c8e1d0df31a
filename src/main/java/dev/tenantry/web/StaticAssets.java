package dev.tenantry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Versioned static assets, cached by browsers for a year. Console pages link the style sheet and
 * scripts by the hash of their content ({@code /css/console-<md5>.css}) and WebJars by their
 * version ({@code /webjars/htmx.org/<version>/…}); such a URL names one content for good, so it is
 * answered {@code Cache-Control: public, max-age=31536000, immutable} ({@link ImmutableAssets}).
 * Everything else keeps Spring Security's {@code no-store}: pages, API answers, and static files
 * asked for without a version. Only links to {@code /css/}, {@code /js/} and {@code /webjars/} go
 * through the resource resolvers (cached after the first time), never a page's other links (see
 * {@link ConsoleLinks}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {
  private static final String[] VERSIONED_PREFIXES = {"/css/", "/js/", "/webjars/"};

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String dir : new String[] {"css", "js"}) {
      registry
          .addResourceHandler("/" + dir + "/**")
          .addResourceLocations("classpath:/static/" + dir + "/")
          .resourceChain(true)
          .addResolver(new ImmutableAssets(ImmutableAssets.CONTENT_HASH))
          .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
    registry // replaces Boot's registration of the same pattern, with the same location
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .resourceChain(true)
        .addResolver(new ImmutableAssets(ImmutableAssets.WEBJAR_VERSION))
        .addResolver(new LiteWebJarsResourceResolver());
  }

  @Bean
  FilterRegistrationBean<VersionedLinks> versionedStaticLinks(
      ObjectProvider<ResourceUrlProvider> urls) {
    return new FilterRegistrationBean<>(new VersionedLinks(urls));
  }

  /** Rewrites links to static assets (only those) to their versioned URLs while a page renders. */
  static final class VersionedLinks extends OncePerRequestFilter {
    private static final int MAX_REMEMBERED = 1_000;
    private final ObjectProvider<ResourceUrlProvider> urls;
    // asset path -> its versioned path: the assets are in the jar, so an answer holds for good
    // (JFR: the bean lookup and the resolver chain were ~7% of a console page's CPU)
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    VersionedLinks(ObjectProvider<ResourceUrlProvider> urls) {
      this.urls = urls;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      chain.doFilter(
          request,
          new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
              return super.encodeURL(versioned(request.getContextPath(), url));
            }
          });
    }

    private String versioned(String context, String url) {
      if (!url.startsWith(context) || !isAsset(url.substring(context.length()))) {
        return url;
      }
      int end = indexOfAny(url, context.length());
      String path = url.substring(context.length(), end);
      String found = resolved.get(path);
      if (found == null) {
        ResourceUrlProvider provider = urls.getIfAvailable();
        String lookedUp = provider == null ? null : provider.getForLookupPath(path);
        found = lookedUp == null ? path : lookedUp;
        if (resolved.size() < MAX_REMEMBERED) {
          resolved.put(path, found);
        }
      }
      return context + found + url.substring(end);
    }

    private static boolean isAsset(String path) {
      for (String prefix : VERSIONED_PREFIXES) {
        if (path.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }

    private static int indexOfAny(String url, int from) {
      for (int i = from; i < url.length(); i++) {
        if (url.charAt(i) == '?' || url.charAt(i) == '#') {
          return i;
        }
      }
      return url.length();
    }
  }

  /** Patterns of versioned paths, relative to the handler's location. */
  static boolean matches(Pattern p, @Nullable String path) {
    return path != null && p.matcher(path).find();
  }
}
