package dev.tenantry.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/** Key rotation: old values open with their key; rotation re-seals everything with the current. */
class SecretRotationTest extends IntegrationTest {
  @Autowired SecretBox box;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;

  @Value("${tenantry.library.secret-key}")
  String key1;

  @Value("${tenantry.library.secret-keys.2}")
  String key2;

  private byte[] keyCipher(UUID license) {
    return jdbc.sql("select key_cipher from license where id = ?")
        .param(license)
        .query(byte[].class)
        .single();
  }

  @Test
  void rotationReSealsEveryLicenseSecretWithTheCurrentKeyAndOldValuesStillOpen() {
    UUID software = UUID.randomUUID();
    UUID license = UUID.randomUUID();
    testUsers.write(
        () -> {
          jdbc.sql("insert into software (id, name) values (?, 'rotation software')")
              .param(software)
              .update();
          jdbc.sql(
                  "insert into license (id, software_id, name, key_cipher, file_cipher)"
                      + " values (?, ?, 'rotation license', ?, ?)")
              .params(
                  license,
                  software,
                  box.sealText("KEY-1234", license + "/key"),
                  box.seal("file".getBytes(StandardCharsets.UTF_8), license + "/file"))
              .update();
        });
    assertThat(keyCipher(license)[0]).as("sealed with key 1, the current one").isEqualTo((byte) 1);

    SecretBox rotated = new SecretBox(Map.of(1, key1, 2, key2), 2);
    assertThat(rotated.openText(keyCipher(license), license + "/key"))
        .as("a key-1 value opens under a configuration whose current key is 2")
        .isEqualTo("KEY-1234");
    SecretRotation rotation = new SecretRotation(jdbc, rotated, audit);
    Actor host = new Actor(null, "rotate-secrets (test)", null, "rotate-" + UUID.randomUUID(), "");
    Map<String, Integer> counts = Actors.runAs(host, () -> tx.execute(s -> rotation.rotate()));

    assertThat(counts.get("license.key_cipher")).isPositive();
    assertThat(counts.get("license.file_cipher")).isPositive();
    byte[] now = keyCipher(license);
    assertThat(now[0]).isEqualTo((byte) 2);
    assertThat(box.openText(now, license + "/key")).isEqualTo("KEY-1234");
    SecretBox onlyKey1 = new SecretBox(Map.of(1, key1), 1);
    assertThatThrownBy(() -> onlyKey1.openText(now, license + "/key"))
        .hasMessageContaining("sealed with key 2");
    assertThat(
            Actors.runAs(host, () -> tx.execute(s -> rotation.rotate())).get("license.key_cipher"))
        .as("nothing left to re-seal")
        .isZero();
    String event =
        jdbc.sql(
                "select after_json::text from audit_event where action = 'library.secrets-rotated'"
                    + " and request_id = ? order by seq limit 1")
            .param(host.requestId())
            .query(String.class)
            .single();
    assertThat(event).containsPattern("\"keyId\"\\s*:\\s*2").doesNotContain("KEY-1234");
  }
}
