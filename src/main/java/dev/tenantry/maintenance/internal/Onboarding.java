package dev.tenantry.maintenance.internal;

import dev.tenantry.directory.ComputerCreated;
import dev.tenantry.maintenance.MaintenanceRequests;
import dev.tenantry.tenancy.InheritedFlags;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Onboarding: a computer created in a tenant whose (inherited) preference {@value #KEY} is on gets
 * an ONBOARDING maintenance session, queued in the creating transaction with its audit event, its
 * deployments resolved then. The listener runs synchronously, so a failure here rolls the computer
 * back too.
 */
@Component
class Onboarding {
  static final String KEY = "maintenance.onboarding";
  private final InheritedFlags flags;
  private final MaintenanceRequests requests;

  Onboarding(InheritedFlags flags, MaintenanceRequests requests) {
    this.flags = flags;
    this.requests = requests;
  }

  @EventListener
  void computerCreated(ComputerCreated created) {
    if (flags.isTrue(created.tenantId(), KEY)) {
      requests.onboarding(created.computerId());
    }
  }
}
