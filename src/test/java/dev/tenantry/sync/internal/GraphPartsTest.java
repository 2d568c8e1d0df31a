package dev.tenantry.sync.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.TestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small parts of Graph access, without the application: CSV, Retry-After, delta items, MSAL.
 */
class GraphPartsTest {
  private static GraphProperties props(String secret, String certificate, String password) {
    return new GraphProperties(
        TestGraph.graphUrl(),
        TestGraph.loginUrl(),
        "tenantry-graph-test",
        secret,
        certificate,
        password,
        5,
        Duration.ofSeconds(30),
        999);
  }

  @Test
  void csvReadsQuotedFieldsWithCommasEscapedQuotesAndCrlfLines() {
    assertThat(Csv.parse("name,tid\r\n\"Contoso, Ltd\",1\r\n\"Say \"\"hi\"\"\",2\nlast,3"))
        .containsExactly(
            List.of("name", "tid"),
            List.of("Contoso, Ltd", "1"),
            List.of("Say \"hi\"", "2"),
            List.of("last", "3"));
  }

  @Test
  void retryAfterReadsSecondsOrAnHttpDateAndIsCappedByConfiguration() {
    GraphClient graph = new GraphClient(new GraphTokens(props("s", "", "")), props("s", "", ""));
    assertThat(graph.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(graph.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(graph.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    assertThat(graph.retryAfter("3600")).isEqualTo(Duration.ofSeconds(30));
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
    assertThat(graph.retryAfter(date)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(21));
  }

  @Test
  void aDeltaItemTellsAnAbsentFieldKeepFromAnExplicitNullClear() {
    var json = JsonMapper.builder().build();
    UUID oid = UUID.randomUUID();
    EntraUser u =
        EntraUser.parse(
            json.readTree("{\"id\":\"" + oid + "\",\"surname\":null,\"jobTitle\":\"Lead\"}"));
    SyncedPerson before =
        new SyncedPerson(
            UUID.randomUUID(),
            oid,
            "Ann",
            "Old",
            "a@x.example",
            "a@x.example",
            "",
            "ACTIVE",
            "AZURE");
    SyncedPerson after = before.with(u);
    assertThat(after.givenName()).isEqualTo("Ann");
    assertThat(after.familyName()).isEmpty();
    assertThat(after.jobTitle()).isEqualTo("Lead");
    assertThat(after.entraState()).isEqualTo("ACTIVE");
    assertThat(EntraUser.parse(json.readTree("{\"id\":\"not-a-guid\"}"))).isNull();
  }

  @Test
  void aCertificateCredentialGetsTheTokenWithASignedClientAssertion(@TempDir Path dir)
      throws Exception {
    Path p12 = dir.resolve("app.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process k =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "app",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-storetype",
                "PKCS12",
                "-keystore",
                p12.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit",
                "-dname",
                "CN=tenantry-test",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    assertThat(k.waitFor()).as(new String(k.getInputStream().readAllBytes())).isZero();
    assertThat(Files.size(p12)).isPositive();
    UUID tid = UUID.randomUUID();

    String token = new GraphTokens(props("", p12.toString(), "changeit")).token(tid);

    assertThat(token).isEqualTo("token-" + tid);
    TestGraph.server()
        .verify(
            postRequestedFor(urlPathEqualTo("/" + tid + "/oauth2/v2.0/token"))
                .withRequestBody(containing("client_assertion="))
                .withRequestBody(containing("client-assertion-type%3Ajwt-bearer")));
  }

  @Test
  void theSecretIsNeverInTheSettingsText() {
    assertThat(props("s3cr3t-value", "", "").toString())
        .doesNotContain("s3cr3t-value")
        .contains("secret");
  }
}
