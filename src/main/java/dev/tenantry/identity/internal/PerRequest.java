package dev.tenantry.identity.internal;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Values read once per HTTP request: a console page asks for the signed-in user's name and the
 * pending access requests twice (the header, and the home page's own "who am I"). Outside a request
 * every call computes afresh.
 */
final class PerRequest {
  private PerRequest() {}

  @SuppressWarnings("unchecked")
  static <T> T once(String key, Supplier<T> compute) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return compute.get();
    }
    String name = PerRequest.class.getName() + "." + key;
    Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (known != null) {
      return (T) known;
    }
    T value = compute.get();
    request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
    return value;
  }
}
