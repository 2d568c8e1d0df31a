package dev.tenantry.tenancy.web;

import dev.tenantry.shared.Page;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.internal.TenantAccess;
import dev.tenantry.tenancy.internal.TenantQuery;
import dev.tenantry.tenancy.internal.TenantReader;
import dev.tenantry.tenancy.internal.TenantTreeReader;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the pages of the console's tenant tree: the caller's roots, one tenant's children, or the
 * tenants matching a search, {@link #SIZE} at a time, each node counting only the children and
 * computers the caller may view.
 */
@Component
class TenantTreeLevels {
  static final int SIZE = 50;

  /** Roots are opened at once when there are at most this many (typically the one MSP). */
  static final int OPEN_ROOTS = 3;

  private final TenantTreeReader tree;
  private final TenantReader reader;
  private final TenantAccess access;

  TenantTreeLevels(TenantTreeReader tree, TenantReader reader, TenantAccess access) {
    this.tree = tree;
    this.reader = reader;
    this.access = access;
  }

  /** The caller's roots (the first page opens a few roots at once) or the search results. */
  TenantTreeNode.Level top(@Nullable String q, @Nullable String after, long shownBefore) {
    if (q != null && !q.isBlank()) {
      var found =
          reader.page(
              new TenantQuery(q.strip(), null, null, null, null, 0, SIZE, after),
              access.visibleTenantIds());
      return level(found, shownBefore, more("/tenants/tree", q.strip(), found, shownBefore), false);
    }
    var roots = tree.level(null, access.visibleTenantIds(), after, SIZE);
    boolean open = after == null && roots.next() == null && roots.items().size() <= OPEN_ROOTS;
    return level(roots, shownBefore, more("/tenants/tree", null, roots, shownBefore), open);
  }

  /** The visible children of a tenant the caller may view. */
  TenantTreeNode.Level children(UUID parent, @Nullable String after, long shownBefore) {
    var page = tree.level(parent, access.visibleTenantIds(), after, SIZE);
    return level(
        page,
        shownBefore,
        more("/tenants/" + parent + "/children", null, page, shownBefore),
        false);
  }

  private TenantTreeNode.Level level(
      Page<TenantView> page, long shownBefore, @Nullable String more, boolean openChildren) {
    List<TenantView> counted = reader.countedFor(page.items(), access.countScope());
    List<TenantTreeNode> nodes =
        counted.stream()
            .map(
                t ->
                    new TenantTreeNode(
                        t, openChildren && t.childCount() > 0 ? children(t.id(), null, 0) : null))
            .toList();
    return new TenantTreeNode.Level(
        nodes, page.total(), page.totalEstimated(), shownBefore + nodes.size(), more);
  }

  private static @Nullable String more(
      String path, @Nullable String q, Page<TenantView> page, long shownBefore) {
    if (page.next() == null) {
      return null;
    }
    return UriComponentsBuilder.fromPath(path)
        .queryParamIfPresent("q", java.util.Optional.ofNullable(q))
        .queryParam("after", page.next())
        .queryParam("shown", shownBefore + page.items().size())
        .encode()
        .build()
        .toUriString();
  }
}
