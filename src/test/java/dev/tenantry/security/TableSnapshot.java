package dev.tenantry.security;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of every application table: its row count and its newest row version ({@code
 * max(xmin)}, which every insert and update raises). Two equal fingerprints mean nothing was
 * written in between. Sessions, Flyway's history, the policy change feed (derived from the other
 * tables by triggers, and pruned in the background) and what nodes write in the background on their
 * own schedule (feed heartbeats and prune horizon, db-scheduler's task table, the cache of visible
 * tenant sets that any list may fill) are left out. The parts are joined in table order: a union's
 * rows come in no fixed order (PostgreSQL may run its branches as a parallel append), and two
 * fingerprints of the same tables must compare equal.
 */
final class TableSnapshot {
  private final JdbcClient jdbc;
  private final String sql;

  TableSnapshot(JdbcClient jdbc) {
    this.jdbc = jdbc;
    List<String> tables =
        jdbc.sql(
                """
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type = 'BASE TABLE'
                   and table_name not like 'spring_session%'
                   and table_name not in ('flyway_schema_history', 'policy_change', 'policy_node',
                                          'policy_feed_horizon', 'scheduled_tasks',
                                          'visible_tenant_set', 'visible_tenant_set_head')
                 order by table_name
                """)
            .query(String.class)
            .list();
    this.sql =
        tables.stream()
            .map(
                t ->
                    "select '"
                        + t
                        + "=' || count(*) || '/' || coalesce(max(xmin::text::bigint), 0) from \""
                        + t
                        + "\"")
            .collect(
                Collectors.joining(
                    " union all ", "select string_agg(s, ';' order by s) from (", ") x(s)"));
  }

  String take() {
    return jdbc.sql(sql).query(String.class).single();
  }
}
