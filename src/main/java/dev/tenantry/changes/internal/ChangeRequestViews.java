package dev.tenantry.changes.internal;

import dev.tenantry.changes.ChangeRequestState;
import dev.tenantry.changes.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the change-request API and pages show. */
public final class ChangeRequestViews {
  private ChangeRequestViews() {}

  public record Summary(
      UUID id,
      String kind,
      @Nullable UUID subjectId,
      @Nullable UUID tenantId,
      String summary,
      ChangeRequestState state,
      UUID authorUserId,
      String authorName,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  /**
   * One request with its diff ({@code changes}: field by field, from {@code before} to {@code
   * after}) and what the caller may do with it.
   */
  public record Detail(
      UUID id,
      String kind,
      @Nullable UUID subjectId,
      @Nullable UUID tenantId,
      @Nullable UUID mspId,
      String summary,
      ChangeRequestState state,
      UUID authorUserId,
      String authorName,
      @Nullable UUID authorImpersonatorUserId,
      @Nullable UUID decidedBy,
      @Nullable String decidedByName,
      @Nullable Instant decidedAt,
      @Nullable String decisionReason,
      @Nullable UUID resultId,
      @Nullable Long subjectVersion,
      JsonNode before,
      JsonNode after,
      List<FieldChange> changes,
      Actions actions,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  /**
   * The buttons the caller gets: decide (approve, deny, require changes), edit, withdraw, comment.
   */
  public record Actions(
      boolean approve,
      boolean deny,
      boolean requireChanges,
      boolean edit,
      boolean withdraw,
      boolean comment) {}

  public record Comment(
      UUID id,
      UUID authorUserId,
      String authorName,
      @Nullable UUID impersonatorUserId,
      String body,
      Instant createdAt) {}

  /** Filters of the list: a state, a kind, only the caller's own. */
  public record Query(
      @Nullable ChangeRequestState state,
      @Nullable String kind,
      boolean mine,
      int page,
      int size) {}
}
