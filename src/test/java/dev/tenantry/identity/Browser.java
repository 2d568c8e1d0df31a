package dev.tenantry.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cookie-keeping HTTP client that follows redirects itself, recording every Set-Cookie it sees.
 */
final class Browser {
  final CookieManager cookies = new CookieManager();
  final List<String> setCookieHeaders = new ArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  /** POSTs a JSON body with extra headers (e.g. the CSRF token of a console page). */
  HttpResponse<String> postJson(String url, String json, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** POSTs an HTML form (URL-encoded fields) with extra headers. */
  HttpResponse<String> postForm(
      String url, java.util.Map<String, String> fields, String... headers) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/x-www-form-urlencoded");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** GETs {@code url} and follows up to 10 redirects; returns the last response. */
  HttpResponse<String> follow(String url) {
    HttpResponse<String> r = get(url);
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      r = get(r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString());
    }
    return r;
  }

  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      setCookieHeaders.addAll(r.headers().allValues("Set-Cookie"));
      return r;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
