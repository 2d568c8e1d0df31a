package dev.tenantry.library.web;

import dev.tenantry.shared.TenantLookup;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

final class Common {
  private Common() {}

  static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  static boolean yes(@Nullable Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  /** The owner's name for a page's label, when the caller may see that tenant (else empty). */
  static Map<UUID, String> ownerName(TenantLookup tenants, @Nullable UUID owner) {
    return owner == null ? Map.of() : tenants.visibleNames(List.of(owner));
  }
}
