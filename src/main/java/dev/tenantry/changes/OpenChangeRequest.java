package dev.tenantry.changes;

import java.time.Instant;
import java.util.UUID;

/** An open change request on one object, as other features list it (e.g. a deployment's page). */
public record OpenChangeRequest(
    UUID id,
    String kind,
    String summary,
    ChangeRequestState state,
    UUID authorUserId,
    String authorName,
    Instant createdAt) {}
