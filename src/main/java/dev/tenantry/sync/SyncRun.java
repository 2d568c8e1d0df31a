package dev.tenantry.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One directory sync run of a tenant: how it started, its progress (live while {@code RUNNING}) and
 * its outcome. {@code error} is a message without credentials; {@code warnings} (one per line) say
 * what a successful run left undone on purpose, e.g. the last full administrator kept active.
 */
public record SyncRun(
    UUID id,
    UUID tenantId,
    String trigger,
    String status,
    boolean fullSync,
    Instant startedAt,
    @Nullable Instant finishedAt,
    int pages,
    int created,
    int updated,
    int marked,
    int skipped,
    @Nullable String error,
    @Nullable String warnings) {

  public boolean running() {
    return "RUNNING".equals(status);
  }

  /** Milliseconds from start to finish (to now while running). */
  public long durationMs() {
    return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).toMillis();
  }
}
