package dev.tenantry.directory.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.directory.Computer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.db.Like;
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
   * One page of computers, restricted in SQL to what the caller's {@code visible} filter allows.
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
    long total =
        jdbc.sql("select count(*) from computer c" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", q.size());
    params.put("offset", (long) q.page() * q.size());
    List<Computer> computers =
        jdbc.sql(
                "select "
                    + ComputerRepository.COLUMNS
                    + " from computer c"
                    + where
                    + " order by lower(c.name), c.id limit :limit offset :offset")
            .params(params)
            .query((rs, n) -> ComputerRepository.map(rs))
            .list();
    return new Page<>(views(computers), q.page(), q.size(), total);
  }
}
