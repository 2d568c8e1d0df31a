package dev.tenantry.directory.internal;

import dev.tenantry.authz.ComputerType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the computer list; {@code q} matches name and serial, case-insensitively. */
public record ComputerQuery(
    @Nullable UUID tenantId,
    @Nullable String q,
    @Nullable ComputerType type,
    @Nullable UUID tagId,
    int page,
    int size) {}
