package dev.tenantry.sync.internal;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * MSAL's HTTP transport: the JDK client, with the login host replaced by the configured login base
 * URL (the real {@code https://login.microsoftonline.com} in production, WireMock in tests). The
 * authority MSAL validates stays the real one, so MSAL's own rules apply unchanged.
 */
final class LoginHttpClient implements IHttpClient {
  static final String AUTHORITY_HOST = "https://login.microsoftonline.com";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String loginUrl;

  LoginHttpClient(String loginUrl) {
    this.loginUrl =
        loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws Exception {
    String url = request.url().toString();
    if (url.startsWith(AUTHORITY_HOST)) {
      url = loginUrl + url.substring(AUTHORITY_HOST.length());
    }
    var builder =
        java.net.http.HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (request.headers() != null) {
      request
          .headers()
          .forEach(
              (k, v) -> {
                if (!k.equalsIgnoreCase("Content-Length") && !k.equalsIgnoreCase("Host")) {
                  builder.header(k, v);
                }
              });
    }
    String body = request.body();
    builder.method(
        request.httpMethod().name(),
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    var answer = http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    HttpResponse out = new HttpResponse().statusCode(answer.statusCode()).body(answer.body());
    Map<String, java.util.List<String>> headers = new HashMap<>(answer.headers().map());
    out.addHeaders(headers);
    return out;
  }
}
