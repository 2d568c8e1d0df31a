package dev.tenantry.tenancy.internal;

import dev.tenantry.shared.Page;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.db.Keyset;
import dev.tenantry.tenancy.TagView;
import dev.tenantry.tenancy.TenantView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One level of the console's tenant tree at a time, keyset-paged in name order: the caller's roots
 * (visible tenants whose parent is absent or hidden from the caller), or the visible children of
 * one tenant. The filter is SQL ({@link VisibleTenants}), so a level of 10,000 tenants costs one
 * page of rows, never the whole tree.
 */
@Component
@Transactional(readOnly = true)
public class TenantTreeReader {
  private final JdbcClient jdbc;
  private final TagRepository tags;

  TenantTreeReader(JdbcClient jdbc, TagRepository tags) {
    this.jdbc = jdbc;
    this.tags = tags;
  }

  /**
   * The visible tenants directly below {@code parent}, or the caller's roots when {@code parent} is
   * null; {@code after} is the previous page's {@code next}.
   */
  public Page<TenantView> level(
      @Nullable UUID parent, VisibleTenants visible, @Nullable String after, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where =
        new StringBuilder(" where ").append(visible.sql("t.id", "visible", params));
    if (parent != null) {
      where.append(" and t.parent_id = :parent");
      params.put("parent", parent);
    } else if (!visible.isEvery()) {
      where
          .append(" and (t.parent_id is null or not (")
          .append(visible.sql("t.parent_id", "visibleParent", params))
          .append("))");
    } else {
      where.append(" and t.parent_id is null");
    }
    Counts.Total total = Counts.of(jdbc, "tenant t" + where, params);
    if (after != null) {
      Keyset key = Keyset.decode(after);
      where.append(" and (lower(t.name), t.id) > (:after_key, :after_id)");
      params.put("after_key", key.key());
      params.put("after_id", key.id());
    }
    params.put("limit", size + 1);
    List<Keyset> keys = new ArrayList<>();
    List<TenantView> items =
        jdbc.sql(
                TenantRepository.VIEW_SELECT + where + " order by lower(t.name), t.id limit :limit")
            .params(params)
            .query(
                (rs, n) -> {
                  TenantView v = TenantRepository.view(rs, n);
                  keys.add(new Keyset(rs.getString("sort_key"), v.id()));
                  return v;
                })
            .list();
    String next = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      next = keys.get(size - 1).encode();
    }
    Map<UUID, List<TagView>> byTenant = tags.tagsOf(items.stream().map(TenantView::id).toList());
    List<TenantView> tagged =
        items.stream().map(v -> v.withTags(byTenant.getOrDefault(v.id(), List.of()))).toList();
    return new Page<>(tagged, 0, size, total.value(), total.estimated(), next);
  }
}
