package dev.tenantry.sync.internal;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.springframework.stereotype.Component;

/**
 * App-only Graph tokens per Entra tenant, through MSAL for Java (client credentials flow). One
 * {@link ConfidentialClientApplication} per tenant id, whose in-memory token cache serves repeated
 * requests until the token nears expiry.
 */
@Component
class GraphTokens {
  private static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/.default");
  private final GraphProperties props;
  private final LoginHttpClient transport;
  private final Map<UUID, ConfidentialClientApplication> apps = new ConcurrentHashMap<>();

  GraphTokens(GraphProperties props) {
    this.props = props;
    this.transport = new LoginHttpClient(props.loginUrl());
  }

  /** An access token for Graph in Entra tenant {@code tid}. */
  String token(UUID tid) {
    if (!props.configured()) {
      throw new GraphException(0, "notConfigured", "No Entra app is configured (tenantry.graph)");
    }
    try {
      return apps.computeIfAbsent(tid, this::app)
          .acquireToken(ClientCredentialParameters.builder(SCOPES).build())
          .get()
          .accessToken();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphException(0, "interrupted", "Interrupted while getting a token");
    } catch (ExecutionException e) {
      // MSAL's messages carry the tenant and error codes, never the credential.
      String why =
          e.getCause() instanceof MsalServiceException m
              ? m.errorCode() + ": " + m.getMessage()
              : String.valueOf(e.getCause());
      throw new GraphException(
          0, "tokenFailed", "No app-only token for Entra tenant " + tid + ": " + why);
    }
  }

  private ConfidentialClientApplication app(UUID tid) {
    try {
      return ConfidentialClientApplication.builder(props.clientId(), credential())
          .authority(LoginHttpClient.AUTHORITY_HOST + "/" + tid + "/")
          .instanceDiscovery(false)
          .validateAuthority(false)
          .httpClient(transport)
          .logPii(false)
          .build();
    } catch (Exception e) {
      throw new GraphException(0, "appInvalid", "The Entra app settings are invalid");
    }
  }

  private IClientCredential credential() throws Exception {
    if (!props.clientSecret().isBlank()) {
      return ClientCredentialFactory.createFromSecret(props.clientSecret());
    }
    try (InputStream in = new FileInputStream(props.certificatePath())) {
      return ClientCredentialFactory.createFromCertificate(in, props.certificatePassword());
    }
  }
}
