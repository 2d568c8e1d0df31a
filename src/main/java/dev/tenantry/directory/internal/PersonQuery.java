package dev.tenantry.directory.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the people list; {@code q} matches names and e-mail, case-insensitively. */
public record PersonQuery(
    @Nullable UUID tenantId, @Nullable String q, @Nullable UUID tagId, int page, int size) {}
