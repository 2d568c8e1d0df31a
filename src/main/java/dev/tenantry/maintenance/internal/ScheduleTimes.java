package dev.tenantry.maintenance.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * A schedule's time zone and window: its own, else its tenant's effective (inherited) maintenance
 * window — for cross-tenant schedules the MSP tenant's, for instance-wide ones the application's.
 */
@Component
class ScheduleTimes {
  private final Windows windows;

  ScheduleTimes(Windows windows) {
    this.windows = windows;
  }

  Cron cron(ScheduleRow s) {
    return Cron.parse(s.cron());
  }

  ZoneId zone(ScheduleRow s) {
    return s.timeZone() != null
        ? ZoneId.of(s.timeZone())
        : windows.of(Firings.scopeTenant(s)).zone();
  }

  LocalTime windowStart(ScheduleRow s) {
    return s.windowStart() != null ? s.windowStart() : windows.of(Firings.scopeTenant(s)).start();
  }

  LocalTime windowEnd(ScheduleRow s) {
    return s.windowEnd() != null ? s.windowEnd() : windows.of(Firings.scopeTenant(s)).end();
  }
}
