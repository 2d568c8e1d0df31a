package dev.tenantry.shared;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Display names of users, for pages that show who did something (implemented by identity). */
public interface UserNames {
  /** Names of the users that exist among {@code userIds}; unknown ids are left out. */
  Map<UUID, String> names(Collection<UUID> userIds);

  /**
   * Names of those of the given users the current caller may see (labels of the rows a page shows,
   * without listing every visible user).
   */
  Map<UUID, String> visibleNames(Collection<UUID> userIds);

  /**
   * Search-as-you-type over the users the current caller may see: name or e-mail containing {@code
   * q} (any case), in name order, at most {@code limit}.
   */
  Map<UUID, String> searchVisible(String q, int limit);
}
