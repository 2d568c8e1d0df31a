package dev.tenantry.sync.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tenantry.graph.*}: the instance's multi-tenant Entra app (client id and a secret or a
 * PKCS#12 certificate) used for app-only Graph tokens, and the Graph and login base URLs (tests
 * point both at WireMock). The secret is never logged, returned or audited: {@link #toString()}
 * leaves it out.
 */
@ConfigurationProperties("tenantry.graph")
public record GraphProperties(
    @DefaultValue("https://graph.microsoft.com/v1.0") String baseUrl,
    @DefaultValue("https://login.microsoftonline.com") String loginUrl,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue("") String certificatePath,
    @DefaultValue("") String certificatePassword,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("PT2M") Duration maxRetryAfter,
    @DefaultValue("999") int pageSize) {

  public boolean configured() {
    return !clientId.isBlank() && (!clientSecret.isBlank() || !certificatePath.isBlank());
  }

  @Override
  public String toString() {
    return "GraphProperties[baseUrl=%s, loginUrl=%s, clientId=%s, credential=%s]"
        .formatted(
            baseUrl,
            loginUrl,
            clientId,
            clientSecret.isBlank()
                ? (certificatePath.isBlank() ? "none" : "certificate")
                : "secret");
  }
}
