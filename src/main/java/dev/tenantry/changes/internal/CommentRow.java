package dev.tenantry.changes.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code change_request_comment}. */
record CommentRow(
    UUID id,
    UUID changeRequestId,
    UUID authorUserId,
    @Nullable UUID impersonatorUserId,
    String body,
    Instant createdAt) {}
