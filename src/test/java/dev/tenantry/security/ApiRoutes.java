package dev.tenantry.security;

import dev.tenantry.authz.Requires;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route of the running application, read from its own {@link
 * RequestMappingHandlerMapping}: one entry per (HTTP method, path pattern) of every handler under
 * {@code /api/}. A route added tomorrow shows up here by itself.
 */
final class ApiRoutes {
  private ApiRoutes() {}

  record Route(String method, String pattern, Method handler, @Nullable Requires requires) {
    String key() {
      return method + " " + pattern;
    }

    boolean hasPathVariables() {
      return pattern.contains("{");
    }

    boolean mutating() {
      return !method.equals("GET");
    }

    String handlerName() {
      return handler.getDeclaringClass().getSimpleName() + "." + handler.getName();
    }
  }

  static List<Route> of(RequestMappingHandlerMapping mapping) {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      Method m = e.getValue().getMethod();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        var methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          throw new AssertionError(
              pattern + " (" + m + ") accepts every HTTP method; declare the method");
        }
        methods.forEach(
            verb ->
                routes.add(new Route(verb.name(), pattern, m, m.getAnnotation(Requires.class))));
      }
    }
    routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
    return routes;
  }
}
