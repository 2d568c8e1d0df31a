package dev.tenantry.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser session lifetimes: idle (no request for this long ends it; enforced by Spring Session)
 * and absolute (this long after sign-in it ends whatever the activity; enforced by {@link
 * ActorFilter} from the sign-in instant stored in the session). The last-access time is stored at
 * most every {@link #touchInterval()} ({@link ThrottledTouchSessions}; 0 stores it on every
 * request), and never less often than a tenth of the idle timeout.
 */
@ConfigurationProperties("tenantry.session")
record SessionProperties(
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("12h") Duration absoluteTimeout,
    @DefaultValue("1m") Duration touchInterval) {

  /** The touch interval in effect: the configured one, capped at a tenth of the idle timeout. */
  Duration effectiveTouchInterval() {
    Duration cap = idleTimeout.dividedBy(10);
    return touchInterval.isNegative()
        ? Duration.ZERO
        : touchInterval.compareTo(cap) > 0 ? cap : touchInterval;
  }
}
