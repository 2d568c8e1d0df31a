package dev.tenantry.tenancy;

import dev.tenantry.tenancy.internal.PreferenceRegistry;
import dev.tenantry.tenancy.internal.PreferenceService;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** What other features may ask about preferences: effective values, defaults applied. */
@Service
public class Preferences {
  private final PreferenceService service;

  Preferences(PreferenceService service) {
    this.service = service;
  }

  /** The application's value of a known key (its built-in default when unset); empty if unknown. */
  public Optional<JsonNode> application(String key) {
    return service.effective(null).stream()
        .filter(p -> p.key().equals(key))
        .findFirst()
        .map(EffectivePreference::value);
  }

  /** A boolean application preference, e.g. {@code impersonation.enabled}. */
  public boolean applicationFlag(String key) {
    requireKnown(key);
    return application(key).map(JsonNode::asBoolean).orElse(false);
  }

  /** A tenant's effective value (own, nearest ancestor, application, default); empty if unknown. */
  public Optional<EffectivePreference> forTenant(UUID tenantId, String key) {
    return service.effective(tenantId).stream().filter(p -> p.key().equals(key)).findFirst();
  }

  private static void requireKnown(String key) {
    if (PreferenceRegistry.find(key).isEmpty()) {
      throw new IllegalArgumentException("Unknown preference " + key);
    }
  }
}
