package dev.tenantry.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded event as stored, with its place in the hash chain. */
public record AuditEvent(
    long seq,
    UUID id,
    Instant at,
    @Nullable UUID actorUserId,
    String actorLabel,
    @Nullable UUID impersonatorUserId,
    String action,
    String targetType,
    String targetId,
    @Nullable UUID tenantId,
    @Nullable String beforeJson,
    @Nullable String afterJson,
    String requestId,
    String clientIp,
    String prevHash,
    String hash) {}
