package dev.tenantry.tenancy.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Application and tenant rows of {@code preference}, values as JSON text. A null tenant id means
 * the application level.
 */
@Repository
public class PreferenceRepository {
  private final JdbcClient jdbc;

  PreferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Map<String, String> application() {
    Map<String, String> values = new HashMap<>();
    jdbc.sql("select key, value::text from preference where level = 'APPLICATION'")
        .query(
            rs -> {
              values.put(rs.getString(1), rs.getString(2));
            });
    return values;
  }

  /** tenant id → key → JSON value, for the given tenants. */
  public Map<UUID, Map<String, String>> tenants(Collection<UUID> tenantIds) {
    Map<UUID, Map<String, String>> values = new HashMap<>();
    jdbc.sql(
            "select tenant_id, key, value::text from preference"
                + " where level = 'TENANT' and tenant_id = any(:ids)")
        .param("ids", tenantIds.toArray(new UUID[0]))
        .query(
            rs -> {
              values
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                  .put(rs.getString(2), rs.getString(3));
            });
    return values;
  }

  public void put(@Nullable UUID tenantId, String key, String json, @Nullable UUID by) {
    int updated =
        jdbc.sql(
                """
            update preference set value = cast(:value as jsonb), updated_at = now(), updated_by = :by
             where level = :level and tenant_id is not distinct from :tenant and key = :key
            """)
            .params(params(tenantId, key, by))
            .param("value", json)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into preference (level, tenant_id, key, value, updated_by)
              values (:level, :tenant, :key, cast(:value as jsonb), :by)
              """)
          .params(params(tenantId, key, by))
          .param("value", json)
          .update();
    }
  }

  public void remove(@Nullable UUID tenantId, String key) {
    jdbc.sql(
            "delete from preference where level = :level and tenant_id is not distinct from"
                + " :tenant and key = :key")
        .params(params(tenantId, key, null))
        .update();
  }

  private static Map<String, Object> params(
      @Nullable UUID tenantId, String key, @Nullable UUID by) {
    Map<String, Object> p = new HashMap<>();
    p.put("level", tenantId == null ? "APPLICATION" : "TENANT");
    p.put("tenant", tenantId);
    p.put("key", key);
    p.put("by", by);
    return p;
  }
}
