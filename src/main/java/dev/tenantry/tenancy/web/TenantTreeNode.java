package dev.tenantry.tenancy.web;

import dev.tenantry.tenancy.TenantView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant with its visible children, for the tree view. A tenant whose parent is hidden is a root.
 */
record TenantTreeNode(TenantView tenant, List<TenantTreeNode> children) {

  static List<TenantTreeNode> forest(List<TenantView> visible) {
    Set<UUID> ids = visible.stream().map(TenantView::id).collect(Collectors.toSet());
    Map<UUID, List<TenantView>> byParent = new HashMap<>();
    List<TenantView> roots = new ArrayList<>();
    for (TenantView t : visible) {
      if (t.parentId() != null && ids.contains(t.parentId())) {
        byParent.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
      } else {
        roots.add(t);
      }
    }
    return nodes(roots, byParent);
  }

  private static List<TenantTreeNode> nodes(
      List<TenantView> level, Map<UUID, List<TenantView>> byParent) {
    return level.stream()
        .sorted(
            Comparator.comparing((TenantView t) -> !t.isMsp())
                .thenComparing(t -> t.name().toLowerCase()))
        .map(t -> new TenantTreeNode(t, nodes(byParent.getOrDefault(t.id(), List.of()), byParent)))
        .toList();
  }
}
