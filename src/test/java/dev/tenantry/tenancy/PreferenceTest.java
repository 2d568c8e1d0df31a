package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PreferenceTest extends TenancyTestSupport {
  @Autowired Preferences preferences;

  private static JsonNode entry(Http.Response r, String key) {
    return r.json()
        .valueStream()
        .filter(p -> p.path("key").asString().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " missing in " + r));
  }

  private JsonNode pref(Http api, UUID tenantId, String key) {
    return entry(api.get("/api/v1/tenants/" + tenantId + "/preferences"), key);
  }

  private static Map<String, Object> nullValue(String key) {
    Map<String, Object> m = new HashMap<>();
    m.put(key, null);
    return m;
  }

  @Test
  void aTenantInheritsFromItsNearestAncestorThenTheApplicationThenTheDefault() {
    var api = signedIn();
    var grand = client(api, unique("Grand"));
    var parent = child(api, unique("Parent"), id(grand));
    var kid = child(api, unique("Kid"), id(parent));
    String key = "maintenance.window";

    var byDefault = pref(api, id(kid), "deployment.defaultRebootPolicy");
    assertThat(byDefault.path("source").path("level").asString()).isIn("DEFAULT", "APPLICATION");

    var window = Map.of("start", "23:00", "end", "04:30", "timeZone", "Europe/Berlin");
    assertThat(
            api.patch("/api/v1/tenants/" + id(grand) + "/preferences", Map.of(key, window))
                .status())
        .isEqualTo(200);
    var inherited = pref(api, id(kid), key);
    assertThat(inherited.path("value").path("start").asString()).isEqualTo("23:00");
    assertThat(inherited.path("source").path("level").asString()).isEqualTo("TENANT");
    assertThat(inherited.path("source").path("tenantId").asString())
        .isEqualTo(id(grand).toString());
    assertThat(inherited.path("source").path("tenantName").asString())
        .isEqualTo(grand.path("name").asString());
    assertThat(inherited.path("inherited").asBoolean()).isTrue();

    api.patch(
        "/api/v1/tenants/" + id(parent) + "/preferences",
        Map.of(key, Map.of("start", "01:00", "end", "02:00", "timeZone", "UTC")));
    assertThat(pref(api, id(kid), key).path("source").path("tenantId").asString())
        .isEqualTo(id(parent).toString());
    api.patch(
        "/api/v1/tenants/" + id(kid) + "/preferences",
        Map.of(key, Map.of("start", "03:00", "end", "05:00", "timeZone", "UTC")));
    var own = pref(api, id(kid), key);
    assertThat(own.path("inherited").asBoolean()).isFalse();
    assertThat(own.path("value").path("start").asString()).isEqualTo("03:00");

    api.patch("/api/v1/tenants/" + id(kid) + "/preferences", nullValue(key));
    assertThat(pref(api, id(kid), key).path("source").path("tenantId").asString())
        .isEqualTo(id(parent).toString());
    assertThat(audits("preference.changed", id(kid))).isEqualTo(2);
  }

  @Test
  void theApplicationValueAppliesWhenNoTenantSetsItAndDefaultsApplyWhenNothingDoes() {
    var api = signedIn();
    var t = client(api, unique("Plain"));
    String key = "agent.updateChannel";
    api.patch("/api/v1/preferences/application", nullValue(key));
    var def = pref(api, id(t), key);
    assertThat(def.path("value").asString()).isEqualTo("STABLE");
    assertThat(def.path("source").path("level").asString()).isEqualTo("DEFAULT");

    try {
      assertThat(api.patch("/api/v1/preferences/application", Map.of(key, "BETA")).status())
          .isEqualTo(200);
      var app = pref(api, id(t), key);
      assertThat(app.path("value").asString()).isEqualTo("BETA");
      assertThat(app.path("source").path("level").asString()).isEqualTo("APPLICATION");
      assertThat(app.path("inherited").asBoolean()).isTrue();
    } finally {
      api.patch("/api/v1/preferences/application", nullValue(key));
    }
  }

  @Test
  void unknownKeysWrongTypesAndApplicationOnlyKeysOnATenantAre400AndChangeNothing() {
    var api = signedIn();
    var t = client(api, unique("Strict"));
    String path = "/api/v1/tenants/" + id(t) + "/preferences";
    long events = auditTotal();
    var unknown = api.patch(path, Map.of("agent.updateChannel", "BETA", "no.such.key", true));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("detail").asString())
        .contains("Unknown preference 'no.such.key'");
    assertThat(api.patch(path, Map.of("maintenance.excludeFromCrossTenant", "yes")).status())
        .isEqualTo(400);
    assertThat(
            api.patch(
                    path,
                    Map.of(
                        "maintenance.window",
                        Map.of("start", "25:00", "end", "01:00", "timeZone", "UTC")))
                .status())
        .isEqualTo(400);
    assertThat(api.patch(path, Map.of("agent.updateChannel", "NIGHTLY")).status()).isEqualTo(400);
    assertThat(api.patch(path, Map.of("impersonation.enabled", true)).status()).isEqualTo(400);
    assertThat(
            api.patch("/api/v1/preferences/application", Map.of("impersonation.enabled", 1))
                .status())
        .isEqualTo(400);
    assertThat(count("preference", "tenant_id", id(t))).isZero();
    assertThat(auditTotal()).isEqualTo(events);
  }

  @Test
  void applicationFlagsAreReadableThroughTheFacade() {
    var api = signedIn();
    String key = "access-requests.enabled";
    api.patch("/api/v1/preferences/application", nullValue(key)); // other tests may have set it
    try {
      assertThat(preferences.applicationFlag(key)).isFalse();
      var r = api.patch("/api/v1/preferences/application", Map.of(key, true));
      assertThat(r.status()).isEqualTo(200);
      assertThat(entry(r, key).path("source").path("level").asString()).isEqualTo("APPLICATION");
      assertThat(preferences.applicationFlag(key)).isTrue();
      assertThat(audits("preference.changed", "application")).isPositive();
    } finally {
      api.patch("/api/v1/preferences/application", nullValue(key));
    }
    assertThat(preferences.applicationFlag(key)).isFalse();
  }

  @Test
  void preferencesOfAnUnknownTenantAre404() {
    var r = signedIn().get("/api/v1/tenants/" + UUID.randomUUID() + "/preferences");
    assertThat(r.status()).isEqualTo(404);
  }
}
