package dev.tenantry.directory;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Fixtures of the directory tests. Tenants and tags belong to another feature, so they are made
 * with plain SQL; everything else goes through the real API. Names carry random suffixes because
 * every test class shares one database.
 */
public abstract class DirectoryTest extends IntegrationTest {
  /** A signed-in caller (the port is known only once the test instance is set up). */
  protected Http api() {
    return signedIn();
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected UUID tenant() {
    return tenant(true);
  }

  protected UUID tenant(boolean active) {
    UUID id = UUID.randomUUID();
    String slug = unique("t").toLowerCase();
    jdbc.sql(
            "insert into tenant (id, name, slug, kind, msp_id, active) values (?, ?, ?, 'MSP', ?, ?)")
        .params(id, slug, slug, id, active)
        .update();
    return id;
  }

  protected UUID tag() {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into tag (id, name) values (?, ?)").params(id, unique("tag")).update();
    return id;
  }

  protected JsonNode createPerson(UUID tenantId, String given, String family, String email) {
    var r =
        api()
            .post(
                "/api/v1/people",
                body(
                    "tenantId",
                    tenantId,
                    "givenName",
                    given,
                    "familyName",
                    family,
                    "email",
                    email));
    if (r.status() != 201) {
      throw new AssertionError("person not created: " + r);
    }
    return r.json();
  }

  protected UUID person(UUID tenantId) {
    return id(createPerson(tenantId, unique("Given"), "Family", unique("p") + "@example.com"));
  }

  protected JsonNode createComputer(
      UUID tenantId, String name, String type, @Nullable UUID person) {
    var r =
        api()
            .post(
                "/api/v1/computers",
                body("tenantId", tenantId, "name", name, "type", type, "primaryPersonId", person));
    if (r.status() != 201) {
      throw new AssertionError("computer not created: " + r);
    }
    return r.json();
  }

  protected UUID computer(UUID tenantId) {
    return id(createComputer(tenantId, unique("PC"), "WORKSTATION", null));
  }

  /** Makes the person a user, as the users feature will. */
  protected UUID makeUser(UUID personId) {
    UUID userId = UUID.randomUUID();
    jdbc.sql("insert into app_user (id, person_id) values (?, ?)")
        .params(userId, personId)
        .update();
    return userId;
  }

  protected long auditEvents(String targetType, Object targetId, String action) {
    return jdbc.sql(
            "select count(*) from audit_event where target_type = ? and target_id = ? and action = ?")
        .params(targetType, targetId.toString(), action)
        .query(Long.class)
        .single();
  }

  protected long auditEvents(String targetType, Object targetId) {
    return jdbc.sql("select count(*) from audit_event where target_type = ? and target_id = ?")
        .params(targetType, targetId.toString())
        .query(Long.class)
        .single();
  }

  protected long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  protected static UUID id(JsonNode node) {
    return UUID.fromString(node.path("id").asString());
  }

  /** A JSON object from name/value pairs; null values are left out. */
  protected static Map<String, Object> body(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        m.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return m;
  }
}
