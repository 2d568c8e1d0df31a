package dev.tenantry.authz.internal;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code policyFeed} in {@code /actuator/health}: DOWN (not ready: the load balancer should send
 * requests elsewhere) while this node's snapshot is stale (it would refuse checks with 503) or
 * holds rows it could not parse (read deny-only, so some users are refused what they may do).
 */
@Component("policyFeed")
class PolicyFeedHealth implements HealthIndicator {
  private final PolicyStore store;

  PolicyFeedHealth(PolicyStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    Map<String, String> unparsed = store.unparsed();
    Health.Builder h = store.stale() || !unparsed.isEmpty() ? Health.down() : Health.up();
    return h.withDetail("revision", store.revision())
        .withDetail("snapshotAgeSeconds", store.snapshotAgeSeconds())
        .withDetail("lagSeconds", store.lagSeconds())
        .withDetail("unparsedRows", unparsed.size())
        .build();
  }
}
