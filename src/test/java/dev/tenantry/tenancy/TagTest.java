package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TagTest extends TenancyTestSupport {

  private long tagCount() {
    return jdbc.sql("select count(*) from tag").query(Long.class).single();
  }

  @Test
  void tagsAreCreatedRenamedAndDeletedWithOneAuditEventEach() {
    var api = signedIn();
    var created =
        api.post(
            "/api/v1/tags",
            Map.of("name", unique("vip"), "color", "#ff0000", "description", "important"));
    assertThat(created.status()).isEqualTo(201);
    UUID tagId = id(created.json());
    String renamed = unique("very important");
    var updated = api.put("/api/v1/tags/" + tagId, Map.of("name", renamed, "version", 0));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().path("color").asString()).isEqualTo("#ff0000");
    assertThat(updated.json().path("name").asString()).isEqualTo(renamed);
    assertThat(api.delete("/api/v1/tags/" + tagId).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/tags/" + tagId).status()).isEqualTo(404);

    assertThat(audits("tag.created", tagId)).isEqualTo(1);
    assertThat(audits("tag.updated", tagId)).isEqualTo(1);
    assertThat(audits("tag.deleted", tagId)).isEqualTo(1);
  }

  @Test
  void duplicateNamesBadColoursAndStaleVersionsAreRefusedAndChangeNothing() {
    var api = signedIn();
    String name = unique("dup tag");
    var tag = api.post("/api/v1/tags", Map.of("name", name)).json();
    long before = tagCount();
    var dup = api.post("/api/v1/tags", Map.of("name", name.toUpperCase()));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().path("detail").asString()).contains("already exists");
    assertThat(api.post("/api/v1/tags", Map.of("name", unique("c"), "color", "red")).status())
        .isEqualTo(400);
    assertThat(api.post("/api/v1/tags", Map.of("name", "")).status()).isEqualTo(400);
    assertThat(
            api.put("/api/v1/tags/" + id(tag), Map.of("name", unique("x"), "version", 4)).status())
        .isEqualTo(412);
    assertThat(tagCount()).isEqualTo(before);
    assertThat(api.get("/api/v1/tags/" + id(tag)).json().path("name").asString()).isEqualTo(name);
  }

  @Test
  void taggingIsIdempotentAndAuditedOnlyWhenSomethingChanged() {
    var api = signedIn();
    var t = client(api, unique("Taggable"));
    var tag = api.post("/api/v1/tags", Map.of("name", unique("site"))).json();
    String path = "/api/v1/tenants/" + id(t) + "/tags/" + id(tag);

    assertThat(api.put(path, null).status()).isEqualTo(204);
    assertThat(api.put(path, null).status()).isEqualTo(204);
    assertThat(get(api, id(t)).path("tags").get(0).path("id").asString())
        .isEqualTo(id(tag).toString());
    assertThat(audits("tenant.tagged", id(t))).isEqualTo(1);

    assertThat(api.delete(path).status()).isEqualTo(204);
    assertThat(api.delete(path).status()).isEqualTo(204);
    assertThat(get(api, id(t)).path("tags").isEmpty()).isTrue();
    assertThat(audits("tenant.untagged", id(t))).isEqualTo(1);
  }

  @Test
  void taggingAnUnknownTenantOrTagIs404() {
    var api = signedIn();
    var t = client(api, unique("Tag target"));
    var tag = api.post("/api/v1/tags", Map.of("name", unique("real"))).json();
    assertThat(api.put("/api/v1/tenants/" + id(t) + "/tags/" + UUID.randomUUID(), null).status())
        .isEqualTo(404);
    assertThat(api.put("/api/v1/tenants/" + UUID.randomUUID() + "/tags/" + id(tag), null).status())
        .isEqualTo(404);
  }

  @Test
  void aTagScopingRoleAssignmentsCannotBeDeleted() {
    var api = signedIn();
    var tag = api.post("/api/v1/tags", Map.of("name", unique("scoping"))).json();
    UUID userId = user(person(id(client(api, unique("Tag user home")))));
    UUID roleId = UUID.randomUUID();
    jdbc.sql("insert into role (id, name) values (?, ?)").params(roleId, unique("r")).update();
    jdbc.sql(
            "insert into role_assignment (id, user_id, role_id, effect, scope_kind, scope_tag_id)"
                + " values (?, ?, ?, 'DENY', 'TENANT_TAG', ?)")
        .params(UUID.randomUUID(), userId, roleId, id(tag))
        .update();
    var r = api.delete("/api/v1/tags/" + id(tag));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("remaining").path("roleAssignments").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/tags/" + id(tag)).status()).isEqualTo(200);
  }
}
