package dev.tenantry.sync.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What an import preview needs to know about existing tenants: names, Entra links, parents. */
@Repository
class ImportLookups {
  private final JdbcClient jdbc;

  ImportLookups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Set<UUID> linked(Collection<UUID> tids) {
    return new HashSet<>(
        jdbc.sql("select azure_tenant_id from tenant where azure_tenant_id = any(?)")
            .param(tids.toArray(new UUID[0]))
            .query(UUID.class)
            .list());
  }

  /** Lower-cased names among {@code names} that a tenant already has. */
  Set<String> takenNames(Collection<String> names) {
    return new HashSet<>(
        jdbc.sql("select lower(name) from tenant where lower(name) = any(?)")
            .param(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new))
            .query(String.class)
            .list());
  }

  /** Tenant ids by lower-cased name, for parents named in a CSV. */
  Map<String, List<UUID>> idsByName(Collection<String> names) {
    Map<String, List<UUID>> out = new HashMap<>();
    jdbc.sql("select lower(name), id from tenant where lower(name) = any(?)")
        .param(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new))
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
        .list()
        .forEach(
            e ->
                out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                    .add(e.getValue()));
    return out;
  }
}
