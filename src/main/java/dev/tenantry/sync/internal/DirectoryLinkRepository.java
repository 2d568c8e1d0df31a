package dev.tenantry.sync.internal;

import dev.tenantry.sync.DirectoryLink;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-tenant sync settings (domain limits) and state (the stored delta link and its tid). */
@Repository
class DirectoryLinkRepository {
  private final JdbcClient jdbc;

  DirectoryLinkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Linked tenants (with an Entra tenant id), for the hourly sync. */
  List<UUID> linkedTenants() {
    return jdbc.sql(
            "select id from tenant where azure_tenant_id is not null and active order by name")
        .query(UUID.class)
        .list();
  }

  Optional<UUID> azureTenantId(UUID tenantId) {
    return jdbc.sql("select azure_tenant_id from tenant where id = ?")
        .param(tenantId)
        .query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
        .optional()
        .flatMap(o -> o);
  }

  DirectoryLink link(UUID tenantId) {
    return jdbc.sql(
            """
            select t.id, t.azure_tenant_id, coalesce(l.limit_to_domains, '{}') as domains,
                   l.delta_link is not null and l.delta_tid = t.azure_tenant_id as has_delta
              from tenant t left join directory_link l on l.tenant_id = t.id where t.id = ?""")
        .param(tenantId)
        .query(
            (rs, i) ->
                new DirectoryLink(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    List.of((String[]) rs.getArray(3).getArray()),
                    rs.getBoolean(4)))
        .single();
  }

  /** The stored delta link, if it was issued for {@code tid} (a re-linked tenant starts afresh). */
  Optional<String> deltaLink(UUID tenantId, UUID tid) {
    return jdbc.sql("select delta_link from directory_link where tenant_id = ? and delta_tid = ?")
        .params(tenantId, tid)
        .query(String.class)
        .optional();
  }

  void saveDeltaLink(UUID tenantId, UUID tid, @Nullable String deltaLink) {
    jdbc.sql(
            """
            insert into directory_link (tenant_id, delta_link, delta_tid) values (?, ?, ?)
            on conflict (tenant_id) do update set delta_link = excluded.delta_link,
                   delta_tid = excluded.delta_tid, updated_at = now()""")
        .params(tenantId, deltaLink, tid)
        .update();
  }

  void saveDomains(UUID tenantId, List<String> domains) {
    jdbc.sql(
            """
            insert into directory_link (tenant_id, limit_to_domains) values (?, ?)
            on conflict (tenant_id) do update set limit_to_domains = excluded.limit_to_domains,
                   updated_at = now(), version = directory_link.version + 1""")
        .params(tenantId, domains.toArray(new String[0]))
        .update();
  }
}
