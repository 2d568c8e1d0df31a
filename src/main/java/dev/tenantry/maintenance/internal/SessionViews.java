package dev.tenantry.maintenance.internal;

import dev.tenantry.maintenance.SessionView;
import java.time.Instant;
import java.util.List;

/** What the session API answers besides {@link SessionView}. */
public final class SessionViews {
  private SessionViews() {}

  public record LogLine(int seq, String level, String text, Instant at) {}

  public record Log(SessionView session, List<LogLine> lines) {}

  public record Created(List<SessionView> sessions) {}
}
