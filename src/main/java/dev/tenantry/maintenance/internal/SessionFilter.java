package dev.tenantry.maintenance.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Optional filters of the session list. */
public record SessionFilter(
    @Nullable UUID computerId, @Nullable UUID scheduleId, @Nullable String status) {
  String sql() {
    return (computerId == null ? "" : " and m.computer_id = :fComputer")
        + (scheduleId == null ? "" : " and m.schedule_id = :fSchedule")
        + (status == null ? "" : " and m.status = :fStatus");
  }

  Map<String, Object> params() {
    Map<String, Object> p = new java.util.HashMap<>();
    if (computerId != null) {
      p.put("fComputer", computerId);
    }
    if (scheduleId != null) {
      p.put("fSchedule", scheduleId);
    }
    if (status != null) {
      p.put("fStatus", status);
    }
    return p;
  }
}
