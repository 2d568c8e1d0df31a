package dev.tenantry.maintenance.internal;

import dev.tenantry.tenancy.EffectivePreference;
import dev.tenantry.tenancy.Preferences;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Maintenance windows: the tenant preference {@code maintenance.window} ({start, end, timeZone}),
 * inherited along the tree and overridable at a child, with where the value comes from.
 */
@Component
public class Windows {
  static final String KEY = "maintenance.window";
  private final Preferences preferences;

  Windows(Preferences preferences) {
    this.preferences = preferences;
  }

  /** A window and its source: OWN, INHERITED (from {@code fromTenant*}), APPLICATION, DEFAULT. */
  public record Window(
      LocalTime start,
      LocalTime end,
      ZoneId zone,
      String source,
      @Nullable UUID fromTenantId,
      @Nullable String fromTenantName) {}

  /** The tenant's effective window; for a null tenant, the application's. */
  public Window of(@Nullable UUID tenantId) {
    EffectivePreference p =
        tenantId == null
            ? new EffectivePreference(
                KEY,
                preferences.application(KEY).orElseThrow(),
                EffectivePreference.Source.APPLICATION,
                false)
            : preferences.forTenant(tenantId, KEY).orElseThrow();
    JsonNode v = p.value();
    String source =
        switch (p.source().level()) {
          case TENANT -> p.inherited() ? "INHERITED" : "OWN";
          case APPLICATION -> "APPLICATION";
          case DEFAULT -> "DEFAULT";
        };
    return new Window(
        LocalTime.parse(v.path("start").stringValue("02:00")),
        LocalTime.parse(v.path("end").stringValue("05:00")),
        ZoneId.of(v.path("timeZone").stringValue("UTC")),
        source,
        p.source().tenantId(),
        p.source().tenantName());
  }

  /** Whether the application excludes tenants from cross-tenant schedules by default. */
  boolean applicationExcludes() {
    return preferences
        .application(ScheduleTargets.EXCLUDE_KEY)
        .map(JsonNode::asBoolean)
        .orElse(false);
  }
}
