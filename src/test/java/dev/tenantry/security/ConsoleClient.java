package dev.tenantry.security;

import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestOidc;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A console visitor without a browser: keeps cookies, never follows redirects by itself, and signs
 * in through the test JVM's real OIDC provider (code flow, then a server-side session).
 */
final class ConsoleClient {
  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  ConsoleClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A visitor signed in as the home directory's identity {@code oid} (its Tenantry user). */
  static ConsoleClient signedIn(int port, UUID oid) {
    TestOidc.server()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                TestOidc.HOME_ISSUER_ID,
                "sub-" + oid,
                "JWT",
                List.of(TestOidc.CLIENT_ID),
                Map.of(
                    "tid",
                    IntegrationTest.HOME_TID.toString(),
                    "oid",
                    oid.toString(),
                    "ver",
                    "2.0",
                    "preferred_username",
                    oid + "@example.com",
                    "name",
                    "Console Visitor"),
                3600));
    ConsoleClient c = new ConsoleClient(port);
    HttpResponse<String> home = c.follow("/");
    if (home.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: " + home.statusCode() + " " + home.body());
    }
    return c;
  }

  HttpResponse<String> get(String pathOrUrl) {
    return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
  }

  HttpResponse<String> send(String method, String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .build());
  }

  /** GETs and follows up to 10 redirects (across hosts: the OIDC provider's too). */
  HttpResponse<String> follow(String path) {
    HttpResponse<String> r = get(path);
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      r = get(r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString());
    }
    return r;
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
