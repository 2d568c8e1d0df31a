package dev.tenantry.directory.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.directory.Computer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.db.Keyset;
import dev.tenantry.shared.db.Like;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The computer list and the assembly of {@link ComputerView}s (tags in batch). */
@Repository
class ComputerReads {
  private final JdbcClient jdbc;
  private final TagLinks tags;

  ComputerReads(JdbcClient jdbc, TagLinks tags) {
    this.jdbc = jdbc;
    this.tags = tags;
  }

  ComputerView view(Computer c) {
    return views(List.of(c)).getFirst();
  }

  List<ComputerView> views(List<Computer> computers) {
    Map<UUID, List<TagRef>> byId =
        tags.of(TagLinks.Owner.COMPUTER, computers.stream().map(Computer::id).toList());
    return computers.stream()
        .map(c -> new ComputerView(c, byId.getOrDefault(c.id(), List.of())))
        .toList();
  }

  /**
   * One page of computers, restricted in SQL to what the caller's {@code visible} filter allows,
   * sorted by (lower(name), id) along an index; by keyset ({@code after}) or page number. The total
   * is exact up to {@link Counts#EXACT}, an estimate beyond.
   */
  Page<ComputerView> search(ComputerQuery q, SqlPredicate visible) {
    StringBuilder where = new StringBuilder(" where ").append(visible.sql());
    Map<String, Object> params = new LinkedHashMap<>(visible.params());
    if (q.tenantId() != null) {
      where.append(" and c.tenant_id = :tenant");
      params.put("tenant", q.tenantId());
    }
    if (q.type() != null) {
      where.append(" and c.type = :type");
      params.put("type", q.type().name());
    }
    if (q.tagId() != null) {
      where.append(
          " and exists (select 1 from computer_tag ct where ct.computer_id = c.id and ct.tag_id = :tag)");
      params.put("tag", q.tagId());
    }
    if (q.q() != null && !q.q().isBlank()) {
      where.append(" and (c.name ilike :q or c.serial ilike :q)");
      params.put("q", Like.contains(q.q()));
    }
    Counts.Total total = Counts.of(jdbc, "computer c" + where, params);
    long offset = (long) q.page() * q.size();
    if (q.after() != null) {
      Keyset after = Keyset.decode(q.after());
      where.append(" and (lower(c.name), c.id) > (:after_key, :after_id)");
      params.put("after_key", after.key());
      params.put("after_id", after.id());
      offset = 0;
    }
    // A page without parameters (no search, no filter value, no cursor: a first page over the
    // caller's stored set or over everything) gets its limit and offset as numbers in the text, so
    // that PostgreSQL plans it once per connection (a technician's stored-set probe took 0.3 ms to
    // plan on every request). With parameters they stay parameters: a generic plan with a known
    // limit would look cheap and be chosen after five executions, and for a rare search term it
    // walks the whole sort index (a name search went from 18 ms to 250 ms of PostgreSQL's time);
    // an unknown limit keeps PostgreSQL on custom plans, made with the term's own selectivity.
    String page;
    if (params.isEmpty()) {
      page = " limit " + (q.size() + 1) + " offset " + offset;
    } else {
      page = " limit :limit offset :offset";
      params.put("limit", q.size() + 1);
      params.put("offset", offset);
    }
    List<Keyset> keys = new ArrayList<>();
    List<Computer> computers =
        jdbc.sql(
                "select "
                    + ComputerRepository.COLUMNS
                    + ", lower(c.name) as sort_key from computer c"
                    + where
                    + " order by lower(c.name), c.id"
                    + page)
            .params(params)
            .query(
                (rs, n) -> {
                  Computer c = ComputerRepository.map(rs);
                  keys.add(new Keyset(rs.getString("sort_key"), c.id()));
                  return c;
                })
            .list();
    String next = null;
    if (computers.size() > q.size()) {
      computers = computers.subList(0, q.size());
      next = keys.get(q.size() - 1).encode();
    }
    return new Page<>(views(computers), q.page(), q.size(), total.value(), total.estimated(), next);
  }
}
