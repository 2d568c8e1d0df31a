package dev.tenantry.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * {@code ./tenantry token} (src/tools/LocalToken.java, run as the launcher runs it) against the
 * real local provider: the printed token passes the application's own bearer-token decoder (the
 * Entra rules included) and names the demo users as the sign-in does.
 */
class LocalTokenCommandTest {
  static final UUID HOME = UUID.fromString("11111111-1111-4111-8111-111111111111");
  static OidcProperties props;
  static LocalOidcProvider provider;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    props =
        new OidcProperties(
            new OidcProperties.LocalProvider(true, port),
            "https://login.microsoftonline.com",
            HOME,
            "",
            "",
            "",
            List.of("tenantry"),
            "tenantry",
            "");
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("default");
    provider = new LocalOidcProvider(props, env);
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Test
  void aPersonsTokenIsDelegatedWithScpAndTheDemoUsersOid() throws Exception {
    Jwt jwt = acceptedByTheApp(token("admin"));
    assertThat(jwt.getClaimAsString("scp")).isNotBlank();
    assertThat(jwt.getClaimAsString("tid")).isEqualTo(HOME.toString());
    assertThat(jwt.getAudience()).containsExactly("tenantry");
    EntraIdentity who = EntraIdentity.of(new JwtAuthenticationToken(jwt));
    assertThat(who).isNotNull();
    assertThat(who.app()).isFalse();
    assertThat(who.objectId()).isEqualTo(LocalIdentities.oidFor("admin"));
    assertThat(who.username()).isEqualTo("admin");
  }

  @Test
  void anAppTokenIsAppOnlyWithRolesAndTheIntegrationUsersAppId() throws Exception {
    Jwt jwt = acceptedByTheApp(token(LocalIdentities.DEMO_APP, "--app"));
    assertThat(jwt.getClaimAsString("scp")).isNull();
    assertThat(jwt.getClaimAsStringList("roles")).isNotEmpty();
    EntraIdentity who = EntraIdentity.of(new JwtAuthenticationToken(jwt));
    assertThat(who).isNotNull();
    assertThat(who.app()).isTrue();
    assertThat(who.objectId()).isEqualTo(LocalIdentities.oidFor(LocalIdentities.DEMO_APP));
  }

  @Test
  void withoutARunningProviderTheCommandSaysToStartIt() throws Exception {
    Result r = run(List.of("admin"), "1"); // nothing listens on port 1
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("./tenantry run");
  }

  /** The very decoder bean of the API (signature, lifetime, Entra rules for access tokens). */
  private static Jwt acceptedByTheApp(String token) {
    var decoder = new OidcBeans().jwtDecoder(props, new TrustedTenants(null, props));
    return decoder.decode(token);
  }

  private static String token(String... args) throws Exception {
    Result r = run(List.of(args), String.valueOf(props.localProvider().port()));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().trim();
  }

  record Result(int exit, String out, String err) {}

  private static Result run(List<String> args, String port) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("src/tools/LocalToken.java");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("TENANTRY_LOCAL_OIDC_PORT", port);
    pb.environment().put("TENANTRY_HOME_TENANT_ID", HOME.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }
}
