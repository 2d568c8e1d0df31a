package dev.tenantry.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the two application preferences identity depends on, straight from the {@code preference}
 * table (the tenancy feature owns the preference API). Absent = false.
 */
@Component
class AppPreferences {
  static final String ACCESS_REQUESTS = "access-requests.enabled";
  static final String IMPERSONATION = "impersonation.enabled";
  private final JdbcClient jdbc;

  AppPreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean enabled(String key) {
    return jdbc.sql("""
            select value = 'true'::jsonb or value = '"true"'::jsonb
              from preference where level = 'APPLICATION' and key = ?
            """)
        .param(key)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }
}
