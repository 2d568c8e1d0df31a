package dev.tenantry.maintenance;

import java.util.UUID;

/**
 * Maintenance sessions requested by other features. Onboarding calls {@link #onboarding} when a
 * computer has been onboarded (no onboarding flow exists yet; see docs/maintenance.md).
 */
public interface MaintenanceRequests {

  /**
   * Queues a session of origin ONBOARDING for the computer, in the caller's transaction, with its
   * audit event; answers the session id.
   */
  UUID onboarding(UUID computerId);
}
