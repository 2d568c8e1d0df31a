package dev.tenantry.directory.internal;

import dev.tenantry.authz.ComputerType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the computer list; {@code q} matches name and serial, case-insensitively. {@code
 * after} is a keyset cursor ({@link Keyset}) from a previous page's {@code next}; with it, {@code
 * page} is ignored.
 */
public record ComputerQuery(
    @Nullable UUID tenantId,
    @Nullable String q,
    @Nullable ComputerType type,
    @Nullable UUID tagId,
    int page,
    int size,
    @Nullable String after) {

  public ComputerQuery(
      @Nullable UUID tenantId,
      @Nullable String q,
      @Nullable ComputerType type,
      @Nullable UUID tagId,
      int page,
      int size) {
    this(tenantId, q, type, tagId, page, size, null);
  }
}
