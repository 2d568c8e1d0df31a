package dev.tenantry.tenancy.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves a boolean tenant preference for every tenant in one query: walks down from the root
 * tenants, each tenant taking its own value or else its parent's, and falls back to the
 * application's value or the built-in default (as {@link PreferenceService#effective} does).
 */
@Component
public class InheritedFlagQuery {
  private static final String WALK =
      "with recursive walk (id, v) as ("
          + " select t.id, p.value from tenant t left join preference p"
          + "   on p.level = 'TENANT' and p.tenant_id = t.id and p.key = :key where t.parent_id is null"
          + " union all"
          + " select c.id, coalesce(p.value, w.v) from walk w join tenant c on c.parent_id = w.id"
          + "   left join preference p on p.level = 'TENANT' and p.tenant_id = c.id and p.key = :key)";

  private final JdbcClient jdbc;

  InheritedFlagQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Set<UUID> tenantsWhereTrue(String key) {
    boolean fallback = fallback(key);
    if (!fallback
        && jdbc.sql(
                "select not exists (select 1 from preference where level = 'TENANT' and key = ?"
                    + " and value = 'true'::jsonb)")
            .param(key)
            .query(Boolean.class)
            .single()) {
      return Set.of(); // nobody sets it, and the fallback is false
    }
    return new HashSet<>(
        jdbc.sql(WALK + " select id from walk where coalesce(v = 'true'::jsonb, :fallback)")
            .param("key", key)
            .param("fallback", fallback)
            .query(UUID.class)
            .list());
  }

  public boolean isTrue(UUID tenantId, String key) {
    Boolean own =
        jdbc.sql(
                "with recursive up (id, parent_id, depth) as ("
                    + " select id, parent_id, 0 from tenant where id = :tenant"
                    + " union all select t.id, t.parent_id, up.depth + 1 from up join tenant t on t.id = up.parent_id"
                    + " where up.depth < 10000)"
                    + " select p.value = 'true'::jsonb from up join preference p on p.level = 'TENANT'"
                    + " and p.tenant_id = up.id and p.key = :key order by up.depth limit 1")
            .param("tenant", tenantId)
            .param("key", key)
            .query(Boolean.class)
            .optional()
            .orElse(null);
    return own != null ? own : fallback(key);
  }

  /** The application's value, else the built-in default. */
  public boolean fallback(String key) {
    PreferenceRegistry.Key k =
        PreferenceRegistry.find(key)
            .orElseThrow(() -> new IllegalArgumentException("Unknown preference " + key));
    return jdbc.sql(
            "select value = 'true'::jsonb from preference where level = 'APPLICATION' and key = ?")
        .param(key)
        .query(Boolean.class)
        .optional()
        .orElse(k.defaultValue().asBoolean());
  }
}
