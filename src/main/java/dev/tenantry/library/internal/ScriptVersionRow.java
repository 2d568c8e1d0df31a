package dev.tenantry.library.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code script_version}: one saved edit, never changed afterwards. */
record ScriptVersionRow(
    UUID id,
    UUID scriptId,
    int number,
    String language,
    String body,
    String parameters,
    byte @Nullable [] secretDefaults,
    String note,
    Instant createdAt,
    @Nullable UUID createdBy) {}
