package dev.tenantry.identity.internal;

import dev.tenantry.tenancy.Preferences;
import org.springframework.stereotype.Component;

/** The application preferences identity depends on, read through the tenancy feature's facade. */
@Component
class AppPreferences {
  static final String ACCESS_REQUESTS = "access-requests.enabled";
  static final String IMPERSONATION = "impersonation.enabled";
  private final Preferences preferences;

  AppPreferences(Preferences preferences) {
    this.preferences = preferences;
  }

  boolean enabled(String key) {
    return preferences.applicationFlag(key);
  }
}
