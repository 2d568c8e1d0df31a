package dev.tenantry.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for tests: never throws on 4xx/5xx, returns status, headers and JSON.
 */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final @Nullable String token;
  private final Map<String, String> headers;

  public Http(String base, @Nullable String token) {
    this(base, token, Map.of());
  }

  private Http(String base, @Nullable String token, Map<String, String> headers) {
    this.base = base;
    this.token = token;
    this.headers = headers;
  }

  public @Nullable String token() {
    return token;
  }

  public Http as(@Nullable String newToken) {
    return new Http(base, newToken, headers);
  }

  public Http header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Http(base, token, h);
  }

  public record Response(int status, Map<String, java.util.List<String>> headers, String raw) {
    public JsonNode json() {
      return raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
    }

    public @Nullable String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().getFirst();
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return status + " " + raw;
    }
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  public Response post(String path, @Nullable Object body) {
    return send("POST", path, body);
  }

  public Response put(String path, @Nullable Object body) {
    return send("PUT", path, body);
  }

  public Response patch(String path, @Nullable Object body) {
    return send("PATCH", path, body);
  }

  /** Sends {@code body} as JSON (a String is sent as-is, so tests can send broken JSON). */
  public Response send(String method, String path, @Nullable Object body) {
    String payload =
        body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.header("Accept", "application/json, application/problem+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonMapper json() {
    return JSON;
  }
}
