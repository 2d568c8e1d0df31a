package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.authz.access.TenantFilter;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads tenants as {@link TenantView}s (with counts and tags), singly or as a filtered page. */
@Component
@Transactional(readOnly = true)
public class TenantReader {
  private final JdbcClient jdbc;
  private final TenantRepository tenants;
  private final TagRepository tags;

  TenantReader(JdbcClient jdbc, TenantRepository tenants, TagRepository tags) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.tags = tags;
  }

  public Optional<TenantView> find(UUID id) {
    return tenants
        .view(id)
        .map(v -> v.withTags(tags.tagsOf(List.of(id)).getOrDefault(id, List.of())));
  }

  /**
   * One tenant as the caller may see it, in one transaction of two queries: its row, its children's
   * ids and the count of its computers the caller may view; then its tags. The children are counted
   * when the caller may view them (their grants evaluated for those children only), like {@link
   * #countedFor(TenantView, TenantAccess)}.
   */
  public Optional<TenantView> findCounted(UUID id, TenantAccess access) {
    var computers = access.computersIn(id).sql("c", "countComputers");
    Map<String, Object> params = new LinkedHashMap<>(computers.params());
    params.put("id", id);
    List<UUID> children = new ArrayList<>();
    Optional<TenantView> found =
        jdbc.sql(
                "select t.*, lower(t.name) as sort_key,"
                    + " (select count(*) from computer c where c.tenant_id = t.id and "
                    + computers.sql()
                    + ") as computer_count, 0 as child_count,"
                    + " array(select ch.id from tenant ch where ch.parent_id = t.id) as children"
                    + " from tenant t where t.id = :id")
            .params(params)
            .query(
                (rs, n) -> {
                  children.addAll(List.of((UUID[]) rs.getArray("children").getArray()));
                  return TenantRepository.view(rs, n);
                })
            .optional();
    if (found.isEmpty()) {
      return found;
    }
    TenantFilter visible =
        children.isEmpty() ? TenantFilter.nothing() : access.visibleAmong(children);
    long childCount = children.stream().filter(visible::allows).count();
    TenantView v = found.get();
    return Optional.of(
        v.withCounts(v.computerCount(), childCount)
            .withTags(tags.tagsOf(List.of(id)).getOrDefault(id, List.of())));
  }

  /**
   * The views with {@code computerCount} and {@code childCount} recounted for one caller: only
   * children and computers the caller may view are counted, so a count never reveals an object the
   * caller cannot see.
   */
  public List<TenantView> countedFor(List<TenantView> views, TenantAccess.CountScope scope) {
    return counted(views, scope, null);
  }

  /**
   * One view recounted for the caller, the caller's grants evaluated for this tenant and its
   * children only (not over every tenant the caller may see).
   */
  public TenantView countedFor(TenantView view, TenantAccess access) {
    List<UUID> children = childIds(List.of(view.id()));
    Set<UUID> shown = new java.util.HashSet<>(children);
    shown.add(view.id());
    return counted(List.of(view), access.countScopeWithin(shown), children).getFirst();
  }

  private List<TenantView> counted(
      List<TenantView> views, TenantAccess.CountScope scope, @Nullable List<UUID> knownChildren) {
    if (views.isEmpty()) {
      return views;
    }
    List<UUID> ids = views.stream().map(TenantView::id).toList();
    var computers = scope.computers().within(ids).sql("c", "countComputers");
    var children = childFilter(scope.children(), ids, knownChildren);
    Map<String, Object> params = new LinkedHashMap<>(children.params());
    params.putAll(computers.params());
    params.put("ids", ids.toArray(UUID[]::new));
    Map<UUID, long[]> counts = new java.util.HashMap<>();
    jdbc.sql(
            "select t.id,"
                + " (select count(*) from computer c where c.tenant_id = t.id and "
                + computers.sql()
                + ") as cc,"
                + " (select count(*) from tenant ch where ch.parent_id = t.id and "
                + children.sql()
                + ") as ch"
                + " from tenant t where t.id = any(:ids)")
        .params(params)
        .query(
            (rs, n) ->
                counts.put(
                    rs.getObject("id", UUID.class),
                    new long[] {rs.getLong("cc"), rs.getLong("ch")}))
        .list();
    return views.stream()
        .map(
            v -> {
              long[] c = counts.getOrDefault(v.id(), new long[] {0, 0});
              return v.withCounts(c[0], c[1]);
            })
        .toList();
  }

  /** The visible-children filter cut down to the children of the given tenants. */
  private SqlPredicate childFilter(
      TenantFilter visible, List<UUID> parents, @Nullable List<UUID> knownChildren) {
    if (visible.everything() || visible.isNothing()) {
      return visible.sql("ch.id", "countTenants");
    }
    Set<UUID> children =
        (knownChildren != null ? knownChildren : childIds(parents))
            .stream()
                .filter(visible.tenantIds()::contains)
                .collect(java.util.stream.Collectors.toSet());
    return new TenantFilter(false, children).sql("ch.id", "countTenants");
  }

  private List<UUID> childIds(List<UUID> parents) {
    return jdbc.sql("select id from tenant where parent_id = any(:p)")
        .param("p", parents.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  /**
   * One page of tenants matching {@code q}, restricted to {@code visible}, sorted by (lower(name),
   * id) along an index; by keyset ({@code after}) or page number.
   */
  public Page<TenantView> page(TenantQuery q, VisibleTenants visible) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    where.append(" and ").append(visible.sql("t.id", "visible", params));
    if (q.q() != null && !q.q().isBlank()) {
      where.append(" and (t.name ilike :q or t.slug ilike :q or t.description ilike :q)");
      params.put("q", dev.tenantry.shared.db.Like.contains(q.q()));
    }
    if (q.kind() != null) {
      where.append(" and t.kind = :kind");
      params.put("kind", q.kind().name());
    }
    if (q.active() != null) {
      where.append(" and t.active = :active");
      params.put("active", q.active());
    }
    if (q.parentId() != null) {
      where.append(" and t.parent_id = :parent");
      params.put("parent", q.parentId());
    }
    if (q.tagId() != null) {
      where.append(
          " and exists(select 1 from tenant_tag tt where tt.tenant_id = t.id"
              + " and tt.tag_id = :tag)");
      params.put("tag", q.tagId());
    }
    Counts.Total total = Counts.of(jdbc, "tenant t" + where, params);
    long offset = (long) q.page() * q.size();
    if (q.after() != null) {
      Keyset after = Keyset.decode(q.after());
      where.append(" and (lower(t.name), t.id) > (:after_key, :after_id)");
      params.put("after_key", after.key());
      params.put("after_id", after.id());
      offset = 0;
    }
    params.put("limit", q.size() + 1);
    params.put("offset", offset);
    List<Keyset> keys = new ArrayList<>();
    List<TenantView> items =
        jdbc.sql(
                TenantRepository.VIEW_SELECT
                    + where
                    + " order by lower(t.name), t.id limit :limit offset :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  TenantView v = TenantRepository.view(rs, n);
                  keys.add(new Keyset(rs.getString("sort_key"), v.id()));
                  return v;
                })
            .list();
    String next = null;
    if (items.size() > q.size()) {
      items = items.subList(0, q.size());
      next = keys.get(q.size() - 1).encode();
    }
    Map<UUID, List<TagView>> byTenant = tags.tagsOf(items.stream().map(TenantView::id).toList());
    List<TenantView> tagged =
        items.stream().map(v -> v.withTags(byTenant.getOrDefault(v.id(), List.of()))).toList();
    return new Page<>(tagged, q.page(), q.size(), total.value(), total.estimated(), next);
  }
}
