package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestOidc;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Users, objects and raw-byte HTTP for the library's integration tests. */
abstract class LibraryTestSupport extends IntegrationTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  TestUsers.TestUser tenantAdmin(UUID tenant) {
    return testUsers.user(
        tenant, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(tenant, true)));
  }

  TestUsers.TestUser withRole(UUID tenant, UUID roleId) {
    return testUsers.user(tenant, Grant.allow(roleId, Scope.tenant(tenant, true)));
  }

  static Map<String, Object> script(String name, Object... extra) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name);
    m.put("language", "POWERSHELL");
    m.put("body", "Write-Output 'hello'\n");
    for (int i = 0; i < extra.length; i += 2) {
      m.put((String) extra[i], extra[i + 1]);
    }
    return m;
  }

  static String created(Http.Response r) {
    assertThat(r.status()).as("created: %s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }

  static List<String> ids(Http.Response list) {
    assertThat(list.status()).as("list: %s", list).isEqualTo(200);
    return list.json().path("items").valueStream().map(n -> n.path("id").asString()).toList();
  }

  void setTerminalPreference(boolean on) {
    assertThat(
            signedIn()
                .patch(
                    "/api/v1/preferences/application",
                    Map.of("legacy.allowNonAdminsTerminalAndScripts", on))
                .status())
        .isEqualTo(200);
  }

  /** A raw-bytes request as a test user (uploads, ranged downloads). */
  record Raw(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    JsonNode json() {
      return Http.json().readTree(new String(body));
    }
  }

  Raw raw(
      TestUsers.TestUser as,
      String method,
      String path,
      Supplier<InputStream> body,
      String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofInputStream(body))
            .header(
                "Authorization", "Bearer " + TestOidc.token(as.tid(), as.oid(), "t@example.com"));
    if (body != null) {
      b.header("Content-Type", "application/octet-stream");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
