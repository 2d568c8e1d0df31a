// ./tenantry token <user name> [--app]: prints a bearer token for the API from the local OIDC
// provider that `./tenantry run` starts (development only; see docs/local-sign-in.md). Runs as a
// single-file Java program (JDK only). The provider shapes the token like Entra ID: for a person, a
// delegated token (scp) with oid = UUID.nameUUIDFromBytes(<user name>); with --app, an app-only
// token (roles) whose application id (azp) is that same UUID, for an integration user.
// Settings as for `./tenantry run`: TENANTRY_LOCAL_OIDC_PORT (default 9080) and
// TENANTRY_HOME_TENANT_ID (default: the one in src/main/resources/application.yml).

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

class LocalToken {
  public static void main(String[] args) throws Exception {
    List<String> words = new ArrayList<>(List.of(args));
    boolean app = words.remove("--app");
    if (words.size() != 1 || words.getFirst().isBlank() || words.getFirst().startsWith("-")) {
      System.err.println("usage: ./tenantry token <user name> [--app]");
      System.exit(2);
    }
    String port = env("TENANTRY_LOCAL_OIDC_PORT", "9080");
    String tid = env("TENANTRY_HOME_TENANT_ID", defaultHomeTenant());
    String url = "http://localhost:" + port + "/" + tid + "/v2.0/token";
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", "tenantry-cli");
    form.put("client_secret", "local");
    form.put("scope", "api://tenantry/.default");
    form.put("tenantry_user", words.getFirst());
    form.put("tenantry_app", String.valueOf(app));
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      System.err.println(
          "tenantry token: no local OIDC provider at localhost:"
              + port
              + "; start the service first with ./tenantry run (or set TENANTRY_LOCAL_OIDC_PORT)");
      System.exit(1);
      return;
    }
    var token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      System.err.println(
          "tenantry token: the local provider answered "
              + response.statusCode()
              + ": "
              + response.body());
      System.exit(1);
    }
    System.out.println(token.group(1));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  /** The default of tenantry.oidc.home-tenant-id, read from application.yml (one source). */
  private static String defaultHomeTenant() throws Exception {
    Path yml = Path.of("src/main/resources/application.yml");
    var m =
        Pattern.compile("home-tenant-id:\\s*\\$\\{TENANTRY_HOME_TENANT_ID:([0-9a-fA-F-]{36})}")
            .matcher(Files.readString(yml));
    if (!m.find()) {
      throw new IllegalStateException("no default home-tenant-id in " + yml);
    }
    return m.group(1);
  }

  private static String encode(Map<String, String> form) {
    var sb = new StringBuilder();
    form.forEach(
        (k, v) ->
            sb.append(sb.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }
}
