package dev.tenantry.tenancy.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.EffectivePreference;
import dev.tenantry.tenancy.EffectivePreference.Level;
import dev.tenantry.tenancy.EffectivePreference.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Resolves and changes preferences. A tenant's value is its own, else its nearest ancestor's, else
 * the application's, else the built-in default. A null tenant id means the application.
 */
@Service
@Transactional
public class PreferenceService {
  private final PreferenceRepository repository;
  private final TenantRepository tenants;
  private final TenantTree tree;
  private final AuditLog audit;
  private final JsonMapper json;

  PreferenceService(
      PreferenceRepository repository,
      TenantRepository tenants,
      TenantTree tree,
      AuditLog audit,
      JsonMapper json) {
    this.repository = repository;
    this.tenants = tenants;
    this.tree = tree;
    this.audit = audit;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public List<EffectivePreference> effective(@Nullable UUID tenantId) {
    List<UUID> chain = new ArrayList<>();
    if (tenantId != null) {
      TenantRow tenant =
          tenants.find(tenantId).orElseThrow(() -> ApiException.notFound("Tenant", tenantId));
      chain.add(tenant.id());
      chain.addAll(tree.ancestors(tenantId));
    }
    Map<UUID, Map<String, String>> byTenant = repository.tenants(chain);
    Map<String, String> application = repository.application();
    List<EffectivePreference> result = new ArrayList<>();
    for (PreferenceRegistry.Key key : PreferenceRegistry.all()) {
      if (tenantId != null && key.applicationOnly()) {
        continue;
      }
      result.add(resolve(key, chain, byTenant, application, tenantId));
    }
    return result;
  }

  private EffectivePreference resolve(
      PreferenceRegistry.Key key,
      List<UUID> chain,
      Map<UUID, Map<String, String>> byTenant,
      Map<String, String> application,
      @Nullable UUID asked) {
    for (UUID t : chain) {
      String v = byTenant.getOrDefault(t, Map.of()).get(key.name());
      if (v != null) {
        String name = tenants.find(t).map(TenantRow::name).orElse(null);
        return new EffectivePreference(
            key.name(), json.readTree(v), new Source(Level.TENANT, t, name), !t.equals(asked));
      }
    }
    String v = application.get(key.name());
    if (v != null) {
      return new EffectivePreference(
          key.name(), json.readTree(v), Source.APPLICATION, asked != null);
    }
    return new EffectivePreference(key.name(), key.defaultValue(), Source.DEFAULT, true);
  }

  /**
   * Applies {@code patch} (key → value; null removes the override) at one level, all or nothing:
   * every key and value is checked before anything is written. One audit event lists the changes.
   */
  public List<EffectivePreference> patch(@Nullable UUID tenantId, JsonNode patch) {
    if (!patch.isObject() || patch.isEmpty()) {
      throw ApiException.invalid(
          "The body must be a non-empty JSON object of preference key to value");
    }
    if (tenantId != null && !tenants.exists(tenantId)) {
      throw ApiException.notFound("Tenant", tenantId);
    }
    patch
        .properties()
        .forEach(e -> PreferenceRegistry.checked(e.getKey(), e.getValue(), tenantId != null));
    Map<String, String> current =
        tenantId == null
            ? repository.application()
            : repository.tenants(List.of(tenantId)).getOrDefault(tenantId, Map.of());
    Map<String, JsonNode> before = new LinkedHashMap<>();
    Map<String, JsonNode> after = new LinkedHashMap<>();
    for (var e : patch.properties()) {
      JsonNode old =
          current.containsKey(e.getKey())
              ? json.readTree(current.get(e.getKey()))
              : JsonNodeFactory.instance.nullNode();
      if (old.equals(e.getValue())) {
        continue;
      }
      if (e.getValue().isNull()) {
        repository.remove(tenantId, e.getKey());
      } else {
        repository.put(
            tenantId, e.getKey(), json.writeValueAsString(e.getValue()), Actors.current().userId());
      }
      before.put(e.getKey(), old);
      after.put(e.getKey(), e.getValue());
    }
    if (!after.isEmpty()) {
      audit.record(
          AuditEntry.changed(
              "preference.changed",
              "preference",
              tenantId == null ? "application" : tenantId,
              tenantId,
              before,
              after));
    }
    return effective(tenantId);
  }
}
