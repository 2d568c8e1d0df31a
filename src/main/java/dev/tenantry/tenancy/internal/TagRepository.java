package dev.tenantry.tenancy.internal;

import dev.tenantry.shared.db.Rows;
import dev.tenantry.tenancy.TagView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tag} table and the tenant side of tagging ({@code tenant_tag}). */
@Repository
public class TagRepository {
  private final JdbcClient jdbc;

  TagRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<TagView> list(@Nullable String q) {
    return jdbc.sql(
            """
            select * from tag
             where :q::text is null or name ilike :q
             order by lower(name)
            """)
        .param("q", q == null || q.isBlank() ? null : dev.tenantry.shared.db.Like.contains(q))
        .query(Rows.of(TagView.class))
        .list();
  }

  /** Tags whose name contains {@code q} (any case), in name order, at most {@code limit}. */
  public List<TagView> search(String q, int limit) {
    return jdbc.sql(
            """
            select * from tag
             where :q = '' or name ilike :like
             order by lower(name), id
             limit :limit
            """)
        .param("q", q)
        .param("like", dev.tenantry.shared.db.Like.contains(q))
        .param("limit", limit)
        .query(Rows.of(TagView.class))
        .list();
  }

  /** The names of those of the given tags that exist. */
  public Map<UUID, String> names(Collection<UUID> ids) {
    Map<UUID, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql("select id, name from tag where id = any(:ids) order by lower(name), id")
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            rs -> {
              out.put(rs.getObject("id", UUID.class), rs.getString("name"));
            });
    return out;
  }

  public Optional<TagView> find(UUID id) {
    return jdbc.sql("select * from tag where id = ?")
        .param(id)
        .query(Rows.of(TagView.class))
        .optional();
  }

  public boolean nameTaken(String name, @Nullable UUID except) {
    return jdbc.sql(
            "select exists(select 1 from tag where lower(name) = lower(:n)"
                + " and id is distinct from :except)")
        .param("n", name)
        .param("except", except)
        .query(Boolean.class)
        .single();
  }

  public void insert(TagView t) {
    jdbc.sql("insert into tag (id, name, color, description) values (?, ?, ?, ?)")
        .params(t.id(), t.name(), t.color(), t.description())
        .update();
  }

  public boolean update(TagView t) {
    return jdbc.sql(
                """
            update tag set name = :name, color = :color, description = :description,
                           version = version + 1
             where id = :id and version = :version
            """)
            .paramSource(t)
            .update()
        == 1;
  }

  public void delete(UUID id) {
    jdbc.sql("delete from tag where id = ?").param(id).update();
  }

  /** Role assignments whose scope is this tag (deleting the tag would silently drop them). */
  public long assignmentsUsing(UUID id) {
    return jdbc.sql("select count(*) from role_assignment where scope_tag_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** Tags a tenant; false when it already carried the tag. */
  public boolean tag(UUID tenantId, UUID tagId) {
    return jdbc.sql(
                "insert into tenant_tag (tenant_id, tag_id) values (?, ?) on conflict do nothing")
            .params(tenantId, tagId)
            .update()
        == 1;
  }

  /** Untags a tenant; false when it did not carry the tag. */
  public boolean untag(UUID tenantId, UUID tagId) {
    return jdbc.sql("delete from tenant_tag where tenant_id = ? and tag_id = ?")
            .params(tenantId, tagId)
            .update()
        == 1;
  }

  /** The tags of each of the given tenants, by name. */
  public Map<UUID, List<TagView>> tagsOf(Collection<UUID> tenantIds) {
    Map<UUID, List<TagView>> result = new LinkedHashMap<>();
    if (tenantIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            select tt.tenant_id, g.* from tenant_tag tt join tag g on g.id = tt.tag_id
             where tt.tenant_id = any(:ids) order by lower(g.name)
            """)
        .param("ids", tenantIds.toArray(new UUID[0]))
        .query(
            rs -> {
              result
                  .computeIfAbsent(
                      rs.getObject("tenant_id", UUID.class), k -> new java.util.ArrayList<>())
                  .add(
                      new TagView(
                          rs.getObject("id", UUID.class),
                          rs.getString("name"),
                          rs.getString("color"),
                          rs.getString("description"),
                          rs.getLong("version")));
            });
    return result;
  }
}
