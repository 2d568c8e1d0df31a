package dev.tenantry.tenancy.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.tenancy.EffectivePreference;
import dev.tenantry.tenancy.internal.PreferenceService;
import dev.tenantry.tenancy.internal.TenantAccess;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Application and tenant preferences. GET returns every applicable key with its effective value and
 * source; PATCH takes {@code {key: value}} (null removes the override) and is all-or-nothing.
 */
@RestController
class PreferenceController {
  private final TenantAccess access;
  private final PreferenceService preferences;

  PreferenceController(TenantAccess access, PreferenceService preferences) {
    this.access = access;
    this.preferences = preferences;
  }

  @Requires(
      value = {Permission.PREFERENCES_VIEW},
      on = On.SYSTEM)
  @GetMapping("/api/v1/preferences/application")
  List<EffectivePreference> application() {
    access.requireViewPreferences(null);
    return preferences.effective(null);
  }

  @Requires(
      value = {Permission.PREFERENCES_MANAGE},
      on = On.SYSTEM)
  @PatchMapping("/api/v1/preferences/application")
  List<EffectivePreference> patchApplication(@RequestBody JsonNode patch) {
    access.requireManagePreferences(null);
    return preferences.patch(null, patch);
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANT_PREFERENCES_VIEW},
      on = On.TENANT)
  @GetMapping({"/api/v1/tenants/{id}/preferences", "/api/v1/preferences/tenants/{id}"})
  List<EffectivePreference> tenant(@PathVariable UUID id) {
    access.requireViewPreferences(id);
    return preferences.effective(id);
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANT_PREFERENCES_MANAGE},
      on = On.TENANT)
  @PatchMapping({"/api/v1/tenants/{id}/preferences", "/api/v1/preferences/tenants/{id}"})
  List<EffectivePreference> patchTenant(@PathVariable UUID id, @RequestBody JsonNode patch) {
    access.requireManagePreferences(id);
    return preferences.patch(id, patch);
  }
}
