package dev.tenantry.library.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the WHERE and ORDER BY of a library list: visibility first, then the caller's filters. */
final class ListSql {
  private final String alias;
  private final List<String> where = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  ListSql(String alias, SqlPredicate visible) {
    this.alias = alias;
    where.add("(" + visible.sql() + ")");
    params.putAll(visible.params());
  }

  ListSql and(String condition, String param, Object value) {
    where.add(condition);
    params.put(param, value);
    return this;
  }

  ListSql and(String condition) {
    where.add(condition);
    return this;
  }

  /** {@code q}: case-insensitive substring of the name; {@code owner}: global or owned. */
  ListSql common(@Nullable String q, @Nullable UUID ownerTenantId, @Nullable String owner) {
    if (q != null && !q.isBlank()) {
      and("lower(" + alias + ".name) like :q escape '\\'", "q", containing(q));
    }
    if (ownerTenantId != null) {
      and(alias + ".owner_tenant_id = :ownerTenantId", "ownerTenantId", ownerTenantId);
    }
    if (owner != null && !owner.isBlank()) {
      switch (owner) {
        case "global" -> and(alias + ".owner_tenant_id is null");
        case "owned" -> and(alias + ".owner_tenant_id is not null");
        default -> throw ApiException.invalid("owner: one of global, owned");
      }
    }
    return this;
  }

  /**
   * One page of a list with its total: {@code select} is {@code select <columns> from <tables>} and
   * {@code countFrom} the tables to count ({@code from} included); this WHERE follows both. The
   * count query runs only when the page cannot tell the total itself (a full page, or an empty one
   * past the first): a short page's total is its offset plus its rows. A large total is an estimate
   * ({@link Counts}), as on the other lists.
   */
  <T> Page<T> page(
      JdbcClient jdbc,
      String select,
      String countFrom,
      String sort,
      int page,
      int size,
      RowMapper<T> rows) {
    long offset = (long) page * size;
    List<T> items =
        jdbc.sql(
                select
                    + " where "
                    + where()
                    + " order by "
                    + orderBy(sort)
                    + " limit :limit offset :offset")
            .params(params)
            .param("limit", size)
            .param("offset", offset)
            .query(rows)
            .list();
    Counts.Total total =
        items.size() < size && (!items.isEmpty() || page == 0)
            ? new Counts.Total(offset + items.size(), false)
            : Counts.of(jdbc, countFrom.substring("from ".length()) + " where " + where(), params);
    return new Page<>(items, page, size, total.value(), total.estimated(), null);
  }

  /** A LIKE pattern (backslash escapes) for names containing {@code q}, case-insensitively. */
  static String containing(String q) {
    return "%"
        + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        + "%";
  }

  String where() {
    return String.join(" and ", where);
  }

  Map<String, Object> params() {
    return params;
  }

  /** {@code name}, {@code -name}, {@code updatedAt}, {@code -updatedAt}, {@code createdAt}, … */
  String orderBy(String sort) {
    boolean desc = sort.startsWith("-");
    String key = desc ? sort.substring(1) : sort;
    String column =
        switch (key) {
          case "name" -> "lower(" + alias + ".name)";
          case "updatedAt" -> alias + ".updated_at";
          case "createdAt" -> alias + ".created_at";
          default ->
              throw ApiException.invalid(
                  "sort: one of name, updatedAt, createdAt (- for descending)");
        };
    String dir = desc ? " desc" : "";
    return column + dir + ", " + alias + ".id" + dir;
  }
}
