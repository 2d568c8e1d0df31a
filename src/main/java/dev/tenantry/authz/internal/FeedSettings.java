package dev.tenantry.authz.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Timings of the policy feed ({@code tenantry.policy.*}, docs/multi-node.md). {@code applyDelay}
 * exists for tests only: it delays the catch-ups the feed listener starts, simulating a lagging
 * node.
 */
@Component
public final class FeedSettings {
  final Duration staleAfter;
  final Duration readYourWritesWait;
  final Duration nodeTimeout;
  final Duration heartbeatEvery;
  final Duration pruneEvery;
  final Duration consistencyEvery;
  final int consistencySampleUsers;
  final Duration applyDelay;

  FeedSettings(
      @Value("${tenantry.policy.stale-after:5s}") Duration staleAfter,
      @Value("${tenantry.policy.read-your-writes-wait:2s}") Duration readYourWritesWait,
      @Value("${tenantry.policy.node-timeout:2m}") Duration nodeTimeout,
      @Value("${tenantry.policy.heartbeat-every:5s}") Duration heartbeatEvery,
      @Value("${tenantry.policy.prune-every:5m}") Duration pruneEvery,
      @Value("${tenantry.policy.consistency-every:10m}") Duration consistencyEvery,
      @Value("${tenantry.policy.consistency-sample-users:20}") int consistencySampleUsers,
      @Value("${tenantry.policy.apply-delay:0s}") Duration applyDelay) {
    this.staleAfter = staleAfter;
    this.readYourWritesWait = readYourWritesWait;
    this.nodeTimeout = nodeTimeout;
    this.heartbeatEvery = heartbeatEvery;
    this.pruneEvery = pruneEvery;
    this.consistencyEvery = consistencyEvery;
    this.consistencySampleUsers = consistencySampleUsers;
    this.applyDelay = applyDelay;
  }

  static FeedSettings defaults() {
    return new FeedSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        Duration.ofMinutes(2),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        20,
        Duration.ZERO);
  }
}
