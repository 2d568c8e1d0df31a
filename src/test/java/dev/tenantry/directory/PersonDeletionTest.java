package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonDeletionTest extends DirectoryTest {

  @Test
  void aPersonWhoIsAUserShowsItAndCannotBeDeleted() {
    UUID id = person(tenant());
    UUID userId = makeUser(id);
    var got = api().get("/api/v1/people/" + id).json();
    assertThat(got.path("isUser").asBoolean()).isTrue();
    assertThat(got.path("userId").asString()).isEqualTo(userId.toString());

    var r = api().delete("/api/v1/people/" + id);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("delete or demote the user first");
    assertThat(count("select count(*) from person where id = ?", id)).isEqualTo(1);
    assertThat(auditEvents("person", id, "person.deleted")).isZero();
  }

  @Test
  void deletingAPersonClearsItAsPrimaryPersonOfItsComputers() {
    UUID tenant = tenant();
    UUID id = person(tenant);
    UUID computer = id(createComputer(tenant, unique("PC"), "PORTABLE", id));
    UUID tag = tag();
    api().put("/api/v1/people/" + id + "/tags/" + tag, null);

    assertThat(api().delete("/api/v1/people/" + id).status()).isEqualTo(204);
    assertThat(api().get("/api/v1/people/" + id).status()).isEqualTo(404);
    var pc = api().get("/api/v1/computers/" + computer).json();
    assertThat(pc.has("primaryPersonId")).isFalse();
    assertThat(pc.path("version").asLong()).isEqualTo(1);
    assertThat(auditEvents("person", id, "person.deleted")).isEqualTo(1);
    String before =
        jdbc.sql(
                "select before_json from audit_event where target_id = ? and action = 'person.deleted'")
            .param(id.toString())
            .query(String.class)
            .single();
    assertThat(before).contains(computer.toString());
  }

  @Test
  void aDeleteWithAStaleIfMatchIsRefused() {
    UUID id = person(tenant());
    api().put("/api/v1/people/" + id, body("givenName", "Bumped", "version", 0));
    assertThat(api().header("If-Match", "\"0\"").delete("/api/v1/people/" + id).status())
        .isEqualTo(412);
    assertThat(count("select count(*) from person where id = ?", id)).isEqualTo(1);
  }

  @Test
  void taggingAndUntaggingAreAuditedOnceAndRepeatsChangeNothing() {
    UUID id = person(tenant());
    UUID tag = tag();
    assertThat(api().put("/api/v1/people/" + id + "/tags/" + tag, null).status()).isEqualTo(204);
    assertThat(api().put("/api/v1/people/" + id + "/tags/" + tag, null).status()).isEqualTo(204);
    var got = api().get("/api/v1/people/" + id).json();
    assertThat(got.path("tags").get(0).path("id").asString()).isEqualTo(tag.toString());
    assertThat(auditEvents("person", id, "person.tagged")).isEqualTo(1);

    assertThat(api().delete("/api/v1/people/" + id + "/tags/" + tag).status()).isEqualTo(204);
    assertThat(api().delete("/api/v1/people/" + id + "/tags/" + tag).status()).isEqualTo(204);
    assertThat(api().get("/api/v1/people/" + id).json().path("tags").isEmpty()).isTrue();
    assertThat(auditEvents("person", id, "person.untagged")).isEqualTo(1);
  }

  @Test
  void taggingWithAnUnknownTagIsRefusedWith404() {
    UUID id = person(tenant());
    UUID missing = UUID.randomUUID();
    var r = api().put("/api/v1/people/" + id + "/tags/" + missing, null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("detail").asString()).isEqualTo("tag " + missing + " was not found");
    assertThat(count("select count(*) from person_tag where person_id = ?", id)).isZero();
    assertThat(auditEvents("person", id)).isEqualTo(1);
  }
}
