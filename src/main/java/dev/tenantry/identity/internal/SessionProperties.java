package dev.tenantry.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser session lifetimes: idle (no request for this long ends it; enforced by Spring Session)
 * and absolute (this long after sign-in it ends whatever the activity; enforced by {@link
 * ActorFilter} from the sign-in instant stored in the session).
 */
@ConfigurationProperties("tenantry.session")
record SessionProperties(
    @DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {}
