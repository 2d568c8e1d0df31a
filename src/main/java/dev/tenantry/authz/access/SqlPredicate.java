package dev.tenantry.authz.access;

import java.util.Map;

/**
 * A SQL boolean expression with its named parameters, for {@code JdbcClient}: {@code
 * jdbc.sql("select … where " + p.sql()).params(p.params())}. Array parameters are Java arrays
 * ({@code UUID[]}, {@code String[]}) bound as PostgreSQL arrays, used as {@code = any(:name)}.
 */
public record SqlPredicate(String sql, Map<String, Object> params) {
  public static final SqlPredicate TRUE = new SqlPredicate("true", Map.of());
  public static final SqlPredicate FALSE = new SqlPredicate("false", Map.of());

  public SqlPredicate {
    params = Map.copyOf(params);
  }
}
