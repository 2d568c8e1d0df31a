package dev.tenantry.sync.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * GETs Microsoft Graph JSON with an app-only token of one Entra tenant. 429 and 503 are retried
 * after their {@code Retry-After} (capped), at most {@link GraphProperties#maxAttempts()} times in
 * all; any other failure is a {@link GraphException}. Links followed ({@code @odata.nextLink},
 * {@code @odata.deltaLink}) must point at the configured Graph base, so a token never leaves it.
 */
@Component
class GraphClient {
  private static final Logger log = LoggerFactory.getLogger(GraphClient.class);
  private final RestClient rest;
  private final GraphTokens tokens;
  private final GraphProperties props;

  GraphClient(GraphTokens tokens, GraphProperties props) {
    var factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    factory.setReadTimeout(Duration.ofSeconds(60));
    this.rest = RestClient.builder().requestFactory(factory).build();
    this.tokens = tokens;
    this.props = props;
  }

  /** {@code pathOrLink}: a path below the Graph base (e.g. {@code /users/delta?...}) or a link. */
  JsonNode get(UUID tid, String pathOrLink) {
    URI uri = resolve(pathOrLink);
    for (int attempt = 1; ; attempt++) {
      Answer answer = once(tid, uri);
      if (answer.body != null) {
        return answer.body;
      }
      boolean retryable = answer.status == 429 || answer.status == 503;
      if (!retryable || attempt >= props.maxAttempts()) {
        throw new GraphException(answer.status, answer.code, answer.message);
      }
      Duration wait = answer.retryAfter;
      log.info(
          "Graph answered {} for tenant {}; retry {} of {} in {}",
          answer.status,
          tid,
          attempt,
          props.maxAttempts() - 1,
          wait);
      sleep(wait);
    }
  }

  private Answer once(UUID tid, URI uri) {
    String token = tokens.token(tid);
    return rest.get()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("Prefer", "odata.maxpagesize=" + props.pageSize())
        .exchange(
            (req, res) -> {
              int status = res.getStatusCode().value();
              if (status == 200) {
                return new Answer(status, res.bodyTo(JsonNode.class), "", "", Duration.ZERO);
              }
              JsonNode error = null;
              try {
                error = res.bodyTo(JsonNode.class);
              } catch (RuntimeException unreadable) {
                // not JSON: the status alone says what failed
              }
              String code = error == null ? "" : error.path("error").path("code").asString("");
              String message =
                  error == null ? "" : error.path("error").path("message").asString("");
              return new Answer(
                  status,
                  null,
                  code,
                  "Graph answered "
                      + status
                      + (code.isEmpty() ? "" : " " + code)
                      + (message.isEmpty() ? "" : ": " + message),
                  retryAfter(res.getHeaders().getFirst("Retry-After")));
            });
  }

  private URI resolve(String pathOrLink) {
    String base = props.baseUrl().endsWith("/") ? props.baseUrl() : props.baseUrl() + "/";
    if (pathOrLink.startsWith("http://") || pathOrLink.startsWith("https://")) {
      URI link = URI.create(pathOrLink);
      URI b = URI.create(base);
      if (!b.getScheme().equals(link.getScheme())
          || !b.getHost().equalsIgnoreCase(link.getHost())
          || b.getPort() != link.getPort()) {
        throw new GraphException(0, "foreignLink", "Graph link outside " + base + " refused");
      }
      return link;
    }
    return URI.create(base + (pathOrLink.startsWith("/") ? pathOrLink.substring(1) : pathOrLink));
  }

  /** Seconds or an HTTP date; 1 s when absent or unreadable; never more than the configured cap. */
  Duration retryAfter(@Nullable String header) {
    Duration wait = Duration.ofSeconds(1);
    if (header != null && !header.isBlank()) {
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at =
              ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          wait = Duration.between(Instant.now(), at);
          wait = wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
          // keep the default
        }
      }
    }
    return wait.compareTo(props.maxRetryAfter()) > 0 ? props.maxRetryAfter() : wait;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphException(0, "interrupted", "Interrupted while waiting to retry");
    }
  }

  private record Answer(
      int status, @Nullable JsonNode body, String code, String message, Duration retryAfter) {}
}
