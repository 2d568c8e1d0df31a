package dev.tenantry.directory.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the people list; {@code q} matches names and e-mail, case-insensitively. {@code after}
 * is a keyset cursor from a previous page's {@code next}; with it, {@code page} is ignored.
 */
public record PersonQuery(
    @Nullable UUID tenantId,
    @Nullable String q,
    @Nullable UUID tagId,
    int page,
    int size,
    @Nullable String after) {

  public PersonQuery(
      @Nullable UUID tenantId, @Nullable String q, @Nullable UUID tagId, int page, int size) {
    this(tenantId, q, tagId, page, size, null);
  }
}
