package dev.tenantry.tenancy.web;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.PublicMessages;
import dev.tenantry.tenancy.TenantView;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON merge patch (RFC 7396) of a tenant: present fields replace, null clears. */
final class TenantPatch {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "slug",
          "description",
          "kind",
          "active",
          "parentId",
          "mspId",
          "azureTenantId",
          "version");

  private TenantPatch() {}

  static TenantRequest apply(TenantView current, JsonNode patch, JsonMapper json) {
    if (!patch.isObject()) {
      throw ApiException.invalid("A tenant patch must be a JSON object");
    }
    for (String field : patch.propertyNames()) {
      if (!FIELDS.contains(field)) {
        throw ApiException.invalid(
            "'" + field + "' cannot be changed; changeable fields are " + FIELDS);
      }
    }
    ObjectNode merged = json.createObjectNode();
    merged.put("name", current.name());
    merged.put("slug", current.slug());
    merged.put("description", current.description());
    merged.put("kind", current.kind().name());
    merged.put("active", current.active());
    merged.put("parentId", current.parentId() == null ? null : current.parentId().toString());
    merged.put(
        "azureTenantId",
        current.azureTenantId() == null ? null : current.azureTenantId().toString());
    patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
    try {
      return json.treeToValue(merged, TenantRequest.class);
    } catch (JacksonException e) {
      throw ApiException.invalid(
          "The patch is not valid for a tenant: " + PublicMessages.unreadable(e));
    }
  }
}
