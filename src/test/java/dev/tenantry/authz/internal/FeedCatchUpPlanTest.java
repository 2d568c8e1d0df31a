package dev.tenantry.authz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catch-up's feed read ({@link PolicyStore#changedSince}) uses the feed's {@code xid} index for
 * a recent watermark, however often it ran before: PostgreSQL's generic plan for {@code xid >= $1}
 * (what a server-prepared statement falls back to) is a sequential scan of the feed, so the
 * statement must never be one. Run on a copy of the feed table in a scratch schema, inside one
 * transaction that is rolled back.
 */
class FeedCatchUpPlanTest extends IntegrationTest {
  @Autowired DataSource dataSource;

  @Test
  void catchUpReadsTheFeedThroughItsIndexEvenAfterManyWideCatchUps() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("create schema feed_plan_test");
        st.execute(
            "create table feed_plan_test.policy_change"
                + " (like public.policy_change including defaults including identity including indexes)");
        st.execute("set local search_path = feed_plan_test");
        // 6,000 feed rows over as many transactions, stored in no particular xid order (what
        // pruning and reused space leave)
        st.execute(
            "insert into policy_change (entity_kind, entity_id, xid)"
                + " select 'COMPUTER', gen_random_uuid(), (1000 + g)::text::xid8"
                + " from generate_series(1, 6000) g order by random()");
        st.execute("analyze policy_change");
        long recent = 1000 + 5998;

        // many catch-ups over most of the feed, then a recent one
        for (int i = 0; i < 10; i++) {
          assertThat(PolicyStore.changedSince(c, 1500).get(EntityKind.COMPUTER)).hasSize(5501);
        }
        Map<EntityKind, Set<UUID>> changed = PolicyStore.changedSince(c, recent);
        assertThat(changed.get(EntityKind.COMPUTER)).hasSize(3);
        assertThat(plan(st, "explain " + PolicyStore.changedSinceSql(recent)))
            .contains("policy_change_xid_idx");
        // never a server-side prepared statement (whose plan could turn generic)
        try (ResultSet rs =
            st.executeQuery(
                "select count(*) from pg_prepared_statements"
                    + " where statement like '%from policy_change where xid >=%'")) {
          rs.next();
          assertThat(rs.getLong(1)).isZero();
        }
      } finally {
        c.rollback();
      }
    }
  }

  private static String plan(Statement st, String explain) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(explain)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return String.join("\n", lines);
  }
}
