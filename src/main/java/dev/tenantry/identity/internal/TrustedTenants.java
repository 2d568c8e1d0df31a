package dev.tenantry.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which Entra tenants may sign in: the configured home tenant, and the {@code azure_tenant_id} of
 * every active Tenantry tenant. Positive answers are cached for {@link #TTL}; a miss always asks
 * the database, so a newly linked tenant works at once (an unlinked or deactivated one may keep
 * working for at most the TTL).
 */
@Component
class TrustedTenants {
  static final Duration TTL = Duration.ofSeconds(30);
  private final JdbcClient jdbc;
  private final UUID home;
  private final Map<UUID, Instant> trustedUntil = new ConcurrentHashMap<>();

  TrustedTenants(JdbcClient jdbc, OidcProperties props) {
    this.jdbc = jdbc;
    this.home = props.homeTenantId();
  }

  UUID home() {
    return home;
  }

  boolean trusts(UUID tid) {
    if (tid.equals(OidcProperties.CONSUMER_TENANT)) {
      return false;
    }
    if (tid.equals(home)) {
      return true;
    }
    Instant until = trustedUntil.get(tid);
    if (until != null && until.isAfter(Instant.now())) {
      return true;
    }
    boolean linked =
        jdbc.sql("select exists (select 1 from tenant where azure_tenant_id = ? and active)")
            .param(tid)
            .query(Boolean.class)
            .single();
    if (linked) {
      trustedUntil.put(tid, Instant.now().plus(TTL));
    } else {
      trustedUntil.remove(tid);
    }
    return linked;
  }
}
