package dev.tenantry.identity.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * A real OIDC provider on loopback for local use (no.nav mock-oauth2-server) playing Entra ID, so
 * that a newcomer can sign in without an Entra tenant. Its interactive login page asks for a user
 * name; the tokens then carry tid = the home tenant, oid = UUID.nameUUIDFromBytes(user name),
 * preferred_username and name. The typed name reaches the token through PKCE: the login form post
 * is observed (never answered) to remember code_challenge → name, and the token request's
 * code_verifier finds it again. {@code ./tenantry token <name> [--app]} asks for a token by client
 * credentials naming the user ({@link LocalIdentities#USER_PARAMETER}): it gets an API access
 * token, delegated ({@code scp}) or, with {@link LocalIdentities#APP_PARAMETER}, app-only ({@code
 * roles}, {@code azp} = the app id). Never in the {@code production} profile, and absent from the
 * production build.
 */
final class LocalOidcProvider implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalOidcProvider.class);
  private final Map<String, String> nameByChallenge = new ConcurrentHashMap<>();
  private final MockOAuth2Server server;
  private final String issuerId;
  private final UUID homeTid;
  private final String apiAudience;

  LocalOidcProvider(OidcProperties config, Environment env) {
    if (Arrays.asList(env.getActiveProfiles()).contains("production")) {
      throw new IllegalStateException(
          "The local OIDC provider is for development only and is refused in the production"
              + " profile: set tenantry.oidc.local-provider.enabled=false and configure"
              + " tenantry.oidc.authority / home-tenant-id / client-id for Entra ID");
    }
    this.homeTid = config.homeTenantId();
    this.issuerId = homeTid + "/v2.0";
    this.apiAudience = config.audiences().getFirst();
    OAuth2Config oauth =
        new OAuth2Config(
            true, null, null, false, new OAuth2TokenProvider(), Set.of(new EntraShape()));
    this.server = new MockOAuth2Server(oauth, new LoginObserver());
    server.start(InetAddress.getLoopbackAddress(), config.localProvider().port());
    log.warn("Local OIDC provider (development only) started at {}", server.issuerUrl(issuerId));
  }

  @Override
  public void close() {
    server.shutdown();
  }

  /** Remembers who typed which name for which PKCE challenge; never handles the request itself. */
  private final class LoginObserver implements Route {
    @Override
    public boolean match(OAuth2HttpRequest request) {
      String challenge = request.getUrl().queryParameter("code_challenge");
      if ("POST".equals(request.getMethod())
          && request.getUrl().encodedPath().endsWith("/authorize")
          && challenge != null) {
        String username = request.getFormParameters().get("username");
        if (username != null && !username.isBlank()) {
          nameByChallenge.put(challenge, username.trim());
        }
      }
      return false;
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
      throw new IllegalStateException("never routed here");
    }
  }

  private final class EntraShape implements OAuth2TokenCallback {
    @Override
    public String issuerId() {
      return issuerId;
    }

    @Override
    public String subject(TokenRequest request) {
      String cli = cliUser(request);
      return cli != null ? LocalIdentities.oidFor(cli).toString() : username(request);
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
      if (cliUser(request) != null) {
        return List.of(apiAudience);
      }
      var client =
          request.getClientAuthentication() != null
              ? request.getClientAuthentication().getClientID()
              : request.getClientID();
      return List.of(client == null ? "tenantry" : client.getValue());
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      String cli = cliUser(request);
      if (cli != null) {
        return cliClaims(cli, "true".equals(parameter(request, LocalIdentities.APP_PARAMETER)));
      }
      String username = username(request);
      return Map.of(
          "tid",
          homeTid.toString(),
          "oid",
          LocalIdentities.oidFor(username).toString(),
          "preferred_username",
          username,
          "name",
          username,
          "ver",
          "2.0");
    }

    @Override
    public long tokenExpiry() {
      return 3600;
    }

    /** An access token for the API: delegated (scp) for a person, app-only (roles) for an app. */
    private Map<String, Object> cliClaims(String name, boolean app) {
      String id = LocalIdentities.oidFor(name).toString();
      Map<String, Object> claims = new HashMap<>();
      claims.put("tid", homeTid.toString());
      claims.put("oid", id);
      claims.put("ver", "2.0");
      if (app) {
        claims.put("azp", id);
        claims.put("roles", List.of("Tenantry.Api"));
        claims.put("idtyp", "app");
      } else {
        claims.put("azp", LocalIdentities.CLI_APP.toString());
        claims.put("scp", "access_as_user");
        claims.put("preferred_username", name);
        claims.put("name", name);
      }
      return claims;
    }

    private static @Nullable String cliUser(TokenRequest request) {
      if (!(request.getAuthorizationGrant() instanceof ClientCredentialsGrant)) {
        return null;
      }
      String name = parameter(request, LocalIdentities.USER_PARAMETER);
      return name == null || name.isBlank() ? null : name.trim();
    }

    private static @Nullable String parameter(TokenRequest request, String name) {
      List<String> values = request.getCustomParameters().get(name);
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private String username(TokenRequest request) {
      if (request.getAuthorizationGrant() instanceof AuthorizationCodeGrant g
          && g.getCodeVerifier() != null) {
        String challenge =
            CodeChallenge.compute(CodeChallengeMethod.S256, g.getCodeVerifier()).getValue();
        String name = nameByChallenge.get(challenge); // asked for the ID and the access token
        if (name != null) {
          return name;
        }
      }
      return "admin";
    }
  }
}
