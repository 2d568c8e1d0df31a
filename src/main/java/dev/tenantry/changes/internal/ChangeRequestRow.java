package dev.tenantry.changes.internal;

import dev.tenantry.changes.ChangeRequestState;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code change_request}; {@code beforeJson}/{@code afterJson} are JSON text. */
record ChangeRequestRow(
    UUID id,
    String kind,
    @Nullable UUID subjectId,
    @Nullable UUID tenantId,
    @Nullable UUID mspId,
    String summary,
    String beforeJson,
    String afterJson,
    @Nullable Long subjectVersion,
    String state,
    UUID authorUserId,
    @Nullable UUID authorImpersonatorUserId,
    @Nullable UUID decidedBy,
    @Nullable UUID decidedImpersonatorUserId,
    @Nullable Instant decidedAt,
    @Nullable String decisionReason,
    @Nullable UUID resultId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  ChangeRequestState stateValue() {
    return ChangeRequestState.valueOf(state);
  }
}
