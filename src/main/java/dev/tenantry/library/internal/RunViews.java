package dev.tenantry.library.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Script runs as the API shows them; secret parameter values appear only to the executor. */
public final class RunViews {
  private RunViews() {}

  public record Run(
      UUID id,
      UUID computerId,
      UUID tenantId,
      UUID scriptId,
      UUID scriptVersionId,
      int scriptVersion,
      Map<String, String> parameters,
      List<String> secretParameters,
      String status,
      @Nullable UUID requestedBy,
      Instant requestedAt,
      @Nullable UUID claimedBy,
      @Nullable Instant leaseExpiresAt,
      int attempts,
      @Nullable Integer exitCode,
      @Nullable Instant finishedAt,
      long version) {}

  public record OutputLine(int seq, String stream, String text, Instant at) {}

  public record Output(
      UUID runId, String status, @Nullable Integer exitCode, List<OutputLine> lines) {}

  /** What an executor receives for a claimed run: everything it needs to execute it. */
  public record Claimed(
      UUID runId,
      UUID computerId,
      UUID tenantId,
      UUID scriptVersionId,
      String language,
      String body,
      Map<String, String> parameters,
      Instant leaseExpiresAt,
      int attempt) {}
}
