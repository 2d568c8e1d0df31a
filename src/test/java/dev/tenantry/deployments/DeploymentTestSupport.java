package dev.tenantry.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users, software and deployments for the deployments' integration tests. */
abstract class DeploymentTestSupport extends IntegrationTest {

  /** Seed 003 "Customer (Tenant) Admin": Administrator (Legacy) at USERS_TENANT. */
  TestUsers.TestUser customerAdmin(UUID tenant) {
    return testUsers.user(
        tenant, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.usersTenant()));
  }

  /** Seed 003 "Customer (Tenant) Non-Admin": User (Legacy) at USERS_TENANT. */
  TestUsers.TestUser customerNonAdmin(UUID tenant) {
    return testUsers.user(tenant, Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.usersTenant()));
  }

  /** Seed 003 "MSP Non-Admin": System User (Legacy) at OWNER. */
  TestUsers.TestUser mspNonAdmin() {
    return testUsers.user(
        testUsers.mspTenant(), Grant.allow(BuiltInRoles.SYSTEM_USER_LEGACY.id(), Scope.owner()));
  }

  record Sw(String id, String versionId) {}

  /** A global software with one version (created by the MSP admin). */
  Sw globalSoftware(String name) {
    Http admin = signedIn();
    String sw = id(admin.post("/api/v1/software", Map.of("name", name, "global", true)));
    String v = id(admin.post("/api/v1/software/" + sw + "/versions", Map.of("version", "1.0")));
    return new Sw(sw, v);
  }

  static Map<String, Object> target(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> install(Sw sw, Map<String, Object> target, Object... extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subjectKind", "SOFTWARE");
    m.put("subjectId", sw.id());
    m.put("versionId", sw.versionId());
    m.put("desiredState", "INSTALL");
    m.put("target", target);
    for (int i = 0; i < extra.length; i += 2) {
      m.put((String) extra[i], extra[i + 1]);
    }
    return m;
  }

  static Map<String, Object> state(
      Sw sw, String state, Map<String, Object> target, Object... extra) {
    Map<String, Object> m = install(sw, target, extra);
    m.put("desiredState", state);
    m.remove("versionId");
    return m;
  }

  static String id(Http.Response r) {
    assertThat(r.status()).as("created: %s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }

  static List<String> ids(Http.Response list) {
    assertThat(list.status()).as("list: %s", list).isEqualTo(200);
    return list.json().path("items").valueStream().map(n -> n.path("id").asString()).toList();
  }

  void setApplicationPreference(String key, Object value) {
    assertThat(signedIn().patch("/api/v1/preferences/application", Map.of(key, value)).status())
        .isEqualTo(200);
  }

  void setTenantPreference(UUID tenant, String key, Object value) {
    Http.Response r =
        signedIn().patch("/api/v1/tenants/" + tenant + "/preferences", Map.of(key, value));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  /** Runs with "Allow Non-Admin Users to Manage Deployments" on, then restores it off. */
  void withNonAdminsAllowed(Runnable r) {
    setApplicationPreference("legacy.allowNonAdminsToManageDeployments", true);
    try {
      r.run();
    } finally {
      setApplicationPreference("legacy.allowNonAdminsToManageDeployments", false);
    }
  }
}
