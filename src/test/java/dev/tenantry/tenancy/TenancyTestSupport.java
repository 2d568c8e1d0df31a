package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Helpers for the tenancy tests: unique names, API shortcuts, SQL fixtures, audit counts. */
abstract class TenancyTestSupport extends IntegrationTest {

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  static UUID id(JsonNode node) {
    return UUID.fromString(node.path("id").asString());
  }

  JsonNode createTenant(Http api, Map<String, Object> body) {
    var r = api.post("/api/v1/tenants", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  JsonNode client(Http api, String name) {
    return createTenant(api, Map.of("name", name));
  }

  JsonNode child(Http api, String name, UUID parentId) {
    return createTenant(api, Map.of("name", name, "parentId", parentId.toString()));
  }

  JsonNode msp(Http api, String name) {
    return createTenant(api, Map.of("name", name, "kind", "MSP"));
  }

  JsonNode get(Http api, UUID tenantId) {
    var r = api.get("/api/v1/tenants/" + tenantId);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  Http.Response patch(Http api, UUID tenantId, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.putIfAbsent("version", get(api, tenantId).path("version").asLong());
    return api.patch("/api/v1/tenants/" + tenantId, body);
  }

  /**
   * Every audit event written by a request so far; tests run one at a time, so a difference is this
   * test's. Background work is left out (a schedule's firing, a directory sync: a schedule another
   * test made fires at its hour, whichever test is running then).
   */
  long auditTotal() {
    return jdbc.sql(
            "select count(*) from audit_event"
                + " where request_id not like 'firing-%' and request_id not like 'sync-%'")
        .query(Long.class)
        .single();
  }

  long audits(String action, Object targetId) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, targetId.toString())
        .query(Long.class)
        .single();
  }

  String tenantRow(UUID tenantId) {
    return jdbc.sql("select row(t.*)::text from tenant t where id = ?")
        .param(tenantId)
        .query(String.class)
        .optional()
        .orElse("<gone>");
  }

  UUID computer(UUID tenantId) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into computer (id, tenant_id, name, type) values (?, ?, ?, 'WORKSTATION')")
        .params(id, tenantId, unique("pc"))
        .update();
    return id;
  }

  UUID person(UUID tenantId) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into person (id, tenant_id, given_name, source, azure_object_id)"
                + " values (?, ?, 'Pat', 'AZURE', ?)")
        .params(id, tenantId, UUID.randomUUID())
        .update();
    return id;
  }

  UUID user(UUID personId) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into app_user (id, person_id) values (?, ?)").params(id, personId).update();
    return id;
  }

  UUID role(UUID ownerTenantId) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into role (id, name, owner_tenant_id) values (?, ?, ?)")
        .params(id, unique("role"), ownerTenantId)
        .update();
    return id;
  }

  UUID group(UUID ownerTenantId) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into user_group (id, name, owner_tenant_id) values (?, ?, ?)")
        .params(id, unique("group"), ownerTenantId)
        .update();
    return id;
  }

  void member(UUID groupId, UUID userId) {
    jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
        .params(groupId, userId)
        .update();
  }

  /** An ALLOW assignment of a fresh public role to {@code userId} at TENANT(tenantId). */
  UUID tenantAssignment(UUID userId, UUID tenantId) {
    UUID roleId = UUID.randomUUID();
    jdbc.sql("insert into role (id, name) values (?, ?)")
        .params(roleId, unique("public role"))
        .update();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into role_assignment (id, user_id, role_id, effect, scope_kind,"
                + " scope_tenant_id) values (?, ?, ?, 'ALLOW', 'TENANT', ?)")
        .params(id, userId, roleId, tenantId)
        .update();
    return id;
  }

  long count(String table, String column, UUID value) {
    return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
        .param(value)
        .query(Long.class)
        .single();
  }
}
