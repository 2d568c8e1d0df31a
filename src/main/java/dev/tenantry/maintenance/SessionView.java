package dev.tenantry.maintenance;

import dev.tenantry.deployments.AppliedDeployment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance session: one run on one computer (DESIGN §8). {@code tenantId} is the computer's
 * tenant now (a session follows its computer); {@code deployments} were resolved at creation.
 */
public record SessionView(
    UUID id,
    UUID computerId,
    String computerName,
    UUID tenantId,
    String origin,
    @Nullable UUID scheduleId,
    @Nullable UUID firingId,
    List<AppliedDeployment> deployments,
    String status,
    @Nullable UUID requestedBy,
    Instant requestedAt,
    @Nullable Instant windowEndsAt,
    @Nullable UUID claimedBy,
    @Nullable Instant leaseExpiresAt,
    int attempts,
    @Nullable String message,
    @Nullable Instant finishedAt,
    long version) {

  public boolean ended() {
    return !status.equals("PENDING") && !status.equals("RUNNING");
  }
}
