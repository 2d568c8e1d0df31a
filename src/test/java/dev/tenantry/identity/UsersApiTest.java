package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsersApiTest extends IdentityTestSupport {

  @Test
  void manualCreationValidatesTheAzureObjectId() {
    Person admin = admin("admin-manual");
    var r =
        as(admin)
            .post(
                "/api/v1/users/manual",
                Map.of(
                    "tenantId",
                    tenant(null),
                    "givenName",
                    "A",
                    "familyName",
                    "B",
                    "email",
                    "a@b.example",
                    "azureObjectId",
                    "not-a-guid"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asString()).contains("azureObjectId must be a GUID");
    var ok =
        as(admin)
            .post(
                "/api/v1/users/manual",
                Map.of(
                    "tenantId",
                    tenant(null),
                    "givenName",
                    "A",
                    "familyName",
                    "B",
                    "email",
                    "a@b.example",
                    "azureObjectId",
                    UUID.randomUUID().toString()));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().path("kind").asString()).isEqualTo("PERSON");
  }

  @Test
  void promotingAPersonUsesItsTenantsEntraLink() {
    Person admin = admin("admin-promote");
    UUID linked = UUID.randomUUID();
    UUID tenant = tenant(linked);
    UUID person = UUID.randomUUID();
    UUID oid = UUID.randomUUID();
    jdbc.sql(
            "insert into person (id, tenant_id, source, azure_object_id) values (?, ?, 'AZURE', ?)")
        .params(person, tenant, oid)
        .update();
    var r = as(admin).post("/api/v1/users", Map.of("personId", person));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("entraTenantId").asString()).isEqualTo(linked.toString());
    assertThat(
            as(linked, oid, "p@linked.example")
                .get("/api/v1/auth/me")
                .json()
                .path("userId")
                .asString())
        .isEqualTo(r.json().path("id").asString());
  }

  @Test
  void deletingAUserRemovesAssignmentsAndMembershipsButKeepsThePersonAndHistory() {
    Person admin = admin("admin-delete");
    Person victim = user("deleted");
    UUID role = UUID.randomUUID();
    UUID group = UUID.randomUUID();
    jdbc.sql("insert into role (id, name) values (?, ?)").params(role, "R " + role).update();
    jdbc.sql("insert into user_group (id, name) values (?, ?)")
        .params(group, "G " + group)
        .update();
    jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
        .params(group, victim.userId())
        .update();
    jdbc.sql(
            "insert into role_assignment (id, user_id, role_id, effect, scope_kind) values (?, ?, ?, 'ALLOW', 'OWNER')")
        .params(UUID.randomUUID(), victim.userId(), role)
        .update();
    var patch =
        as(admin).patch("/api/v1/users/" + victim.userId(), Map.of("enabled", true, "version", 0));
    assertThat(patch.status()).isEqualTo(200);
    assertThat(as(admin).delete("/api/v1/users/" + victim.userId()).status()).isEqualTo(204);
    assertThat(count("select count(*) from role_assignment where user_id = ?", victim.userId()))
        .isZero();
    assertThat(count("select count(*) from group_member where user_id = ?", victim.userId()))
        .isZero();
    assertThat(count("select count(*) from person where id = ?", victim.id())).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from audit_event where target_id = ?", victim.userId().toString()))
        .as("user.updated and user.deleted stay")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void expiredAccessIsDeniedAtOnce() {
    Person admin = admin("admin-expire");
    Person p = user("expiring");
    assertThat(as(p).get("/api/v1/auth/me").status()).isEqualTo(200);
    Map<String, Object> body = new HashMap<>();
    body.put("accessExpiresAt", "2020-01-01T00:00:00Z");
    body.put("version", 0);
    assertThat(as(admin).patch("/api/v1/users/" + p.userId(), body).status()).isEqualTo(200);
    long seq = lastSeq();
    var r = as(p).get("/api/v1/auth/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(signInFailuresSince(seq)).anySatisfy(j -> assertThat(j).contains("access expired"));
    body.put("accessExpiresAt", null);
    body.put("version", 1);
    assertThat(as(admin).patch("/api/v1/users/" + p.userId(), body).status()).isEqualTo(200);
    assertThat(as(p).get("/api/v1/auth/me").status()).as("null = never expires").isEqualTo(200);
  }

  @Test
  void aStaleVersionIsRefused() {
    Person admin = admin("admin-stale");
    Person p = user("stale");
    assertThat(
            as(admin)
                .patch("/api/v1/users/" + p.userId(), Map.of("enabled", false, "version", 7))
                .status())
        .isEqualTo(412);
  }

  @Test
  void theListFiltersByTenantAndEnabled() {
    Person admin = admin("admin-list");
    Person p = user("listed");
    UUID tenant =
        jdbc.sql("select tenant_id from person where id = ?")
            .param(p.id())
            .query(UUID.class)
            .single();
    var r = as(admin).get("/api/v1/users?tenantId=" + tenant + "&enabled=true");
    assertThat(r.json().path("total").asLong()).isEqualTo(1);
    assertThat(r.json().path("items").get(0).path("id").asString())
        .isEqualTo(p.userId().toString());
    assertThat(
            as(admin)
                .get("/api/v1/users?tenantId=" + tenant + "&enabled=false")
                .json()
                .path("total")
                .asLong())
        .isZero();
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }
}
