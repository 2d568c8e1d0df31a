package dev.tenantry.tenancy;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The value a preference takes for a tenant (or the application), and where it comes from: the
 * tenant itself, the nearest ancestor that sets it, the application, or the built-in default.
 * {@code inherited} is true unless the value is set at the level that was asked about.
 */
public record EffectivePreference(String key, JsonNode value, Source source, boolean inherited) {

  public enum Level {
    TENANT,
    APPLICATION,
    DEFAULT
  }

  /** Where a value is set; the tenant fields are present only for {@link Level#TENANT}. */
  public record Source(Level level, @Nullable UUID tenantId, @Nullable String tenantName) {
    public static final Source APPLICATION = new Source(Level.APPLICATION, null, null);
    public static final Source DEFAULT = new Source(Level.DEFAULT, null, null);
  }
}
