package dev.tenantry.shared.db;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Totals of list pages that do not scan everything: small results are counted exactly (up to {@link
 * #EXACT}); large ones are PostgreSQL's planner estimate for the same query, and the page says it
 * is an estimate ({@code totalEstimated}).
 */
public final class Counts {
  public static final int EXACT = 10_000;
  public static final int ESTIMATE_ONLY = 5 * EXACT;
  private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

  private Counts() {}

  /** A total and whether it is an estimate. */
  public record Total(long value, boolean estimated) {}

  /**
   * Counts the rows of {@code select 1 from <fromWhere>}; {@code fromWhere} is "table alias where
   * ..." with named parameters. The planner's estimate comes first (planning only, no rows read):
   * beyond {@link #ESTIMATE_ONLY} rows it is the answer, so that a filter over hundreds of
   * thousands of rows is never scanned to count it; below, rows are counted, and exactly unless
   * more than {@link #EXACT} turn up.
   */
  public static Total of(JdbcClient jdbc, String fromWhere, Map<String, ?> params) {
    return of(sql -> jdbc.sql(sql).params(params), fromWhere);
  }

  /** The same, with positional ({@code ?}) parameters. */
  public static Total of(JdbcClient jdbc, String fromWhere, List<?> params) {
    return of(sql -> jdbc.sql(sql).params(params), fromWhere);
  }

  private static Total of(Function<String, JdbcClient.StatementSpec> statement, String fromWhere) {
    long estimate = estimate(statement, fromWhere);
    if (estimate > ESTIMATE_ONLY) {
      return new Total(estimate, true);
    }
    long exact =
        statement
            .apply(
                "select count(*) from (select 1 from "
                    + fromWhere
                    + " limit "
                    + (EXACT + 1)
                    + ") x")
            .query(Long.class)
            .single();
    return exact <= EXACT
        ? new Total(exact, false)
        : new Total(Math.max(EXACT + 1L, estimate), true);
  }

  private static long estimate(
      Function<String, JdbcClient.StatementSpec> statement, String fromWhere) {
    String plan =
        String.join(
            "\n",
            statement
                .apply("explain (format json) select 1 from " + fromWhere)
                .query(String.class)
                .list());
    Matcher m = PLAN_ROWS.matcher(plan);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }
}
