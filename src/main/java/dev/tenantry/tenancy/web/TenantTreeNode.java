package dev.tenantry.tenancy.web;

import dev.tenantry.tenancy.TenantView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant of the console's tree, with the first page of its visible children when they are shown
 * already ({@code children} null: loaded on expand).
 */
record TenantTreeNode(TenantView tenant, @Nullable Level children) {

  /**
   * One page of a tree level: its nodes, how many the level holds for the caller ({@code total}, an
   * estimate when {@code estimated}), how many are shown up to this page, and where the next page
   * comes from ({@code more}, null on the last page).
   */
  record Level(
      List<TenantTreeNode> nodes,
      long total,
      boolean estimated,
      long shown,
      @Nullable String more) {}
}
