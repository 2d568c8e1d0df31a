package dev.tenantry.tenancy.internal;

import dev.tenantry.shared.web.ApiException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The known preference keys: their value type, built-in default, and where they may be set. */
public final class PreferenceRegistry {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A key; {@code applicationOnly} keys cannot be set or read per tenant. */
  public record Key(String name, Type type, JsonNode defaultValue, boolean applicationOnly) {}

  /** A value type: returns why a value is wrong, or null when it is fine. */
  public sealed interface Type {
    @Nullable String problem(JsonNode v);
  }

  record Bool() implements Type {
    public @Nullable String problem(JsonNode v) {
      return v.isBoolean() ? null : "must be true or false";
    }
  }

  record OneOf(Set<String> values) implements Type {
    public @Nullable String problem(JsonNode v) {
      return v.isString() && values.contains(v.stringValue()) ? null : "must be one of " + values;
    }
  }

  /** {@code {start: "HH:mm", end: "HH:mm", timeZone: "Area/City"}}, nothing else. */
  record Window() implements Type {
    public @Nullable String problem(JsonNode v) {
      String shape = "must be an object {start: \"HH:mm\", end: \"HH:mm\", timeZone}";
      if (!v.isObject() || !Set.of("start", "end", "timeZone").containsAll(v.propertyNames())) {
        return shape;
      }
      try {
        LocalTime.parse(v.path("start").stringValue(""));
        LocalTime.parse(v.path("end").stringValue(""));
        ZoneId.of(v.path("timeZone").stringValue(""));
        return v.path("start").stringValue("").length() == 5
                && v.path("end").stringValue("").length() == 5
            ? null
            : shape;
      } catch (java.time.DateTimeException e) {
        return shape;
      }
    }
  }

  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  static {
    ObjectNode window =
        F.objectNode().put("start", "02:00").put("end", "05:00").put("timeZone", "UTC");
    tenant("maintenance.window", new Window(), window);
    tenant("maintenance.excludeFromCrossTenant", new Bool(), F.booleanNode(false));
    tenant(
        "deployment.defaultRebootPolicy",
        new OneOf(Set.of("ALWAYS", "IF_REQUIRED", "PROMPT_USER", "SUPPRESS")),
        F.stringNode("IF_REQUIRED"));
    tenant("agent.updateChannel", new OneOf(Set.of("STABLE", "BETA")), F.stringNode("STABLE"));
    tenant("maintenance.onboarding", new Bool(), F.booleanNode(false)); // docs/maintenance.md
    for (String flag :
        List.of(
            "access-requests.enabled",
            "impersonation.enabled",
            "azure.user-sync.enabled",
            "legacy.allowNonAdminsToManageDeployments",
            "legacy.allowNonAdminsTerminalAndScripts",
            "legacy.requireChangeRequestsForCrossTenantDeployments")) {
      // DESIGN §7: the terminal/scripts preference is on by default; the other flags are off
      boolean on = flag.equals("legacy.allowNonAdminsTerminalAndScripts");
      KEYS.put(flag, new Key(flag, new Bool(), F.booleanNode(on), true));
    }
  }

  private PreferenceRegistry() {}

  private static void tenant(String name, Type type, JsonNode defaultValue) {
    KEYS.put(name, new Key(name, type, defaultValue, false));
  }

  public static List<Key> all() {
    return List.copyOf(KEYS.values());
  }

  public static Optional<Key> find(String name) {
    return Optional.ofNullable(KEYS.get(name));
  }

  /** Refuses an unknown key, a key not settable at this level, or a wrongly-typed value. */
  static Key checked(String name, JsonNode value, boolean forTenant) {
    Key key =
        find(name)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "Unknown preference '"
                            + name
                            + "'; known preferences are "
                            + KEYS.keySet()));
    if (forTenant && key.applicationOnly()) {
      throw ApiException.invalid("Preference '" + name + "' can only be set for the application");
    }
    String problem = value.isNull() ? null : key.type().problem(value);
    if (problem != null) {
      throw ApiException.invalid("Preference '" + name + "' " + problem);
    }
    return key;
  }
}
