package dev.tenantry.directory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the tags of many people or computers in one query. */
@Repository
class TagLinks {
  private final JdbcClient jdbc;

  TagLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  enum Owner {
    PERSON("person_tag", "person_id"),
    COMPUTER("computer_tag", "computer_id");

    final String table;
    final String column;

    Owner(String table, String column) {
      this.table = table;
      this.column = column;
    }
  }

  Map<UUID, List<TagRef>> of(Owner owner, Collection<UUID> ids) {
    Map<UUID, List<TagRef>> tags = new HashMap<>();
    if (ids.isEmpty()) {
      return tags;
    }
    String sql =
        """
        select l.%s as owner, t.id, t.name, t.color
          from %s l join tag t on t.id = l.tag_id
         where l.%s = any(:ids)
         order by lower(t.name), t.id
        """
            .formatted(owner.column, owner.table, owner.column);
    jdbc.sql(sql)
        .param("ids", ids.toArray(new UUID[0]))
        .query(
            rs -> {
              tags.computeIfAbsent(rs.getObject("owner", UUID.class), k -> new ArrayList<>())
                  .add(
                      new TagRef(
                          rs.getObject("id", UUID.class),
                          rs.getString("name"),
                          rs.getString("color")));
            });
    return tags;
  }

  List<TagRef> of(Owner owner, UUID id) {
    return of(owner, List.of(id)).getOrDefault(id, List.of());
  }
}
