package dev.tenantry.shared.db;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Totals of list pages that do not scan everything: rows are counted exactly up to {@link #EXACT}
 * (the count stops there); beyond, the total is PostgreSQL's planner estimate for the same query,
 * at least {@code EXACT + 1}, and the page says it is an estimate.
 */
public final class Counts {
  public static final int EXACT = 10_000;
  private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

  private Counts() {}

  /** A total and whether it is an estimate. */
  public record Total(long value, boolean estimated) {}

  /**
   * Counts the rows of {@code select 1 from <fromWhere>}; {@code fromWhere} is "table alias where
   * ..." with named parameters.
   */
  public static Total of(JdbcClient jdbc, String fromWhere, Map<String, ?> params) {
    long exact =
        jdbc.sql(
                "select count(*) from (select 1 from "
                    + fromWhere
                    + " limit "
                    + (EXACT + 1)
                    + ") x")
            .params(params)
            .query(Long.class)
            .single();
    if (exact <= EXACT) {
      return new Total(exact, false);
    }
    String plan =
        String.join(
            "\n",
            jdbc.sql("explain (format json) select 1 from " + fromWhere)
                .params(params)
                .query(String.class)
                .list());
    Matcher m = PLAN_ROWS.matcher(plan);
    long estimate = m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    return new Total(Math.max(EXACT + 1L, estimate), true);
  }
}
