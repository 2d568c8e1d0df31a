package dev.tenantry.library.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-seals every library secret that is not sealed with the current key ({@link SecretBox}):
 * license keys and files, secret parameter defaults of script versions, secret parameters of runs.
 * One transaction with one audit event giving the counts (never a value); run by {@code ./tenantry
 * rotate-secrets} ({@link RotateSecretsCommand}).
 */
@Service
public class SecretRotation {
  private static final int BATCH = 500;

  /** A sealed column and what its values are bound to (the associated data). */
  private record Column(String table, String column, Function<UUID, String> boundTo) {
    String label() {
      return table + "." + column;
    }
  }

  private static final List<Column> COLUMNS =
      List.of(
          new Column("license", "key_cipher", id -> id + "/key"),
          new Column("license", "file_cipher", id -> id + "/file"),
          new Column("script_version", "secret_defaults", UUID::toString),
          new Column("script_run", "secret_parameters", UUID::toString));

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final AuditLog audit;

  SecretRotation(JdbcClient jdbc, SecretBox box, AuditLog audit) {
    this.jdbc = jdbc;
    this.box = box;
    this.audit = audit;
  }

  private record Sealed(UUID id, byte[] value) {}

  /** Answers how many values of each column were re-sealed. */
  @Transactional
  public Map<String, Integer> rotate() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      int n = 0;
      while (true) {
        List<Sealed> batch =
            jdbc.sql(
                    "select id, "
                        + c.column()
                        + " from "
                        + c.table()
                        + " where "
                        + c.column()
                        + " is not null and get_byte("
                        + c.column()
                        + ", 0) <> ? order by id limit ? for update")
                .params(box.currentKeyId(), BATCH)
                .query((rs, i) -> new Sealed(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .list();
        for (Sealed s : batch) {
          jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where id = ?")
              .params(box.reseal(s.value(), c.boundTo().apply(s.id())), s.id())
              .update();
        }
        n += batch.size();
        if (batch.size() < BATCH) {
          break;
        }
      }
      counts.put(c.label(), n);
    }
    Map<String, Object> after = new LinkedHashMap<>(counts);
    after.put("keyId", box.currentKeyId());
    audit.record(
        AuditEntry.event("library.secrets-rotated", "library-secrets", "all", null, after));
    return counts;
  }
}
