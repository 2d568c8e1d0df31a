package dev.tenantry.maintenance.internal;

import dev.tenantry.shared.web.ApiException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule's recurrence: a standard five-field cron expression (minute hour day-of-month month
 * day-of-week, e.g. {@code 0 3 * * 1-5}) or a macro ({@code @daily}, {@code @weekly}, {@code
 * @monthly}, {@code @yearly}), parsed by Spring's {@link CronExpression} (the five fields get a
 * leading {@code 0} for the seconds Spring expects). Times are computed in the schedule's zone.
 */
record Cron(String expression, CronExpression parsed) {

  static Cron parse(String expression) {
    String e = expression.strip();
    String[] fields = e.split("\\s+");
    boolean macro = e.startsWith("@");
    if (!macro && fields.length != 5) {
      throw invalid(e, "it needs five fields (minute hour day-of-month month day-of-week)");
    }
    if (macro && e.equals("@hourly")) {
      throw invalid(e, "hourly macros are not offered; write the minute, e.g. '0 * * * *'");
    }
    try {
      return new Cron(e, CronExpression.parse(macro ? e : "0 " + e));
    } catch (IllegalArgumentException ex) {
      throw invalid(e, ex.getMessage());
    }
  }

  private static ApiException invalid(String e, String why) {
    return ApiException.invalid(
        "cron: '"
            + e
            + "' is not a valid cron expression ("
            + why
            + "); use minute hour day-of-month month day-of-week, e.g. '0 3 * * 1-5'");
  }

  /** The first firing strictly after {@code after}; empty when the expression never fires again. */
  Optional<Instant> next(Instant after, ZoneId zone) {
    ZonedDateTime n = parsed.next(after.atZone(zone));
    return Optional.ofNullable(n).map(ZonedDateTime::toInstant);
  }

  /** The next {@code count} firings after {@code after}. */
  List<Instant> next(Instant after, ZoneId zone, int count) {
    List<Instant> runs = new ArrayList<>();
    Instant at = after;
    for (int i = 0; i < count; i++) {
      Optional<Instant> n = next(at, zone);
      if (n.isEmpty()) {
        break;
      }
      runs.add(n.get());
      at = n.get();
    }
    return runs;
  }
}
