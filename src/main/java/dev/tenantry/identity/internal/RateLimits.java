package dev.tenantry.identity.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets (bucket4j) by key, e.g. one per identity or per client IP: {@code capacity}
 * requests, refilled evenly over {@code period}. Kept per node: a request spread over N nodes may
 * get N times the rate, which is fine for load shedding; what must hold cluster-wide (sign-in
 * failures) is counted in PostgreSQL instead ({@link SignInFailureLimit}).
 */
final class RateLimits {
  private static final int MAX_KEYS = 100_000;
  private final long capacity;
  private final Duration period;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimits(long capacity, Duration period) {
    this.capacity = capacity;
    this.period = period;
  }

  /** 0 when the request may go on, else the seconds to wait (at least 1). */
  long tryConsume(String key) {
    if (buckets.size() > MAX_KEYS) {
      buckets.clear(); // a flood of distinct keys: start afresh rather than grow without bound
    }
    ConsumptionProbe probe =
        buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? 0
        : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }
}
