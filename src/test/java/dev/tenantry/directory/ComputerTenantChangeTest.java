package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComputerTenantChangeTest extends DirectoryTest {
  private static final String MOVE = "/api/v1/computers/change-tenant";

  @Test
  void computersMoveTogetherAndTheMoveIsAuditedOnce() {
    UUID from1 = tenant();
    UUID from2 = tenant();
    UUID target = tenant();
    UUID a = computer(from1);
    UUID b = computer(from2);
    var r = api().post(MOVE, body("computerIds", List.of(a, b), "targetTenantId", target));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("moved").size()).isEqualTo(2);
    var first = r.json().path("moved").get(0);
    assertThat(first.path("fromTenantId").asString()).isIn(from1.toString(), from2.toString());
    assertThat(first.path("toTenantId").asString()).isEqualTo(target.toString());

    var moved = api().get("/api/v1/computers/" + a).json();
    assertThat(moved.path("tenantId").asString()).isEqualTo(target.toString());
    assertThat(moved.path("version").asLong()).isEqualTo(1);
    assertThat(auditEvents("tenant", target, "computers.tenant-changed")).isEqualTo(1);
    String after =
        jdbc.sql(
                "select after_json from audit_event where target_id = ? and action = 'computers.tenant-changed'")
            .param(target.toString())
            .query(String.class)
            .single();
    assertThat(after).contains(a.toString(), b.toString(), from1.toString(), from2.toString());
  }

  @Test
  void batchMoveIsAllOrNothing() {
    UUID source = tenant();
    UUID target = tenant();
    UUID a = computer(source);
    UUID ghost = UUID.randomUUID();
    var r = api().post(MOVE, body("computerIds", List.of(a, ghost), "targetTenantId", target));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("detail").asString())
        .contains(ghost.toString())
        .doesNotContain(a.toString());
    assertThat(r.json().path("missingComputerIds").get(0).asString()).isEqualTo(ghost.toString());
    var still = api().get("/api/v1/computers/" + a).json();
    assertThat(still.path("tenantId").asString()).isEqualTo(source.toString());
    assertThat(still.path("version").asLong()).isZero();
    assertThat(auditEvents("tenant", target)).isZero();
  }

  @Test
  void theTargetTenantMustExistAndBeActive() {
    UUID source = tenant();
    UUID a = computer(source);
    UUID missing = UUID.randomUUID();
    var unknown = api().post(MOVE, body("computerIds", List.of(a), "targetTenantId", missing));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("detail").asString())
        .isEqualTo("tenant " + missing + " was not found");

    UUID inactive = tenant(false);
    var refused = api().post(MOVE, body("computerIds", List.of(a), "targetTenantId", inactive));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asString()).contains("inactive");
    assertThat(
            count(
                "select count(*) from computer where id = ? and tenant_id = ? and version = 0",
                a,
                source))
        .isEqualTo(1);
    assertThat(auditEvents("tenant", inactive)).isZero();
  }

  @Test
  void aPrimaryPersonStaysOnlyWhenTheyBelongToTheTargetTenant() {
    UUID source = tenant();
    UUID target = tenant();
    UUID leaver = person(source);
    UUID alreadyThere = person(target);
    UUID withLeaver = id(createComputer(source, unique("pc"), "PORTABLE", leaver));
    UUID other = computer(source);
    jdbc.sql("update computer set primary_person_id = ? where id = ?")
        .params(alreadyThere, other)
        .update();

    var r =
        api().post(MOVE, body("computerIds", List.of(withLeaver, other), "targetTenantId", target));
    assertThat(r.status()).isEqualTo(200);
    assertThat(api().get("/api/v1/computers/" + withLeaver).json().has("primaryPersonId"))
        .isFalse();
    assertThat(api().get("/api/v1/computers/" + other).json().path("primaryPersonId").asString())
        .isEqualTo(alreadyThere.toString());
    for (var m : r.json().path("moved")) {
      if (m.path("computerId").asString().equals(withLeaver.toString())) {
        assertThat(m.path("clearedPrimaryPersonId").asString()).isEqualTo(leaver.toString());
      } else {
        assertThat(m.has("clearedPrimaryPersonId")).isFalse();
        assertThat(m.path("primaryPersonId").asString()).isEqualTo(alreadyThere.toString());
      }
    }
  }

  @Test
  void computersAlreadyInTheTargetAreReportedNotMoved() {
    UUID target = tenant();
    UUID here = computer(target);
    var r = api().post(MOVE, body("computerIds", List.of(here, here), "targetTenantId", target));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("moved").isEmpty()).isTrue();
    assertThat(r.json().path("alreadyInTarget").size()).isEqualTo(1);
    assertThat(auditEvents("tenant", target)).isZero();
    assertThat(api().get("/api/v1/computers/" + here).json().path("version").asLong()).isZero();
  }

  @Test
  void moreThanAThousandComputersOrNoneAreRefusedWith400() {
    UUID target = tenant();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      ids.add(UUID.randomUUID());
    }
    assertThat(api().post(MOVE, body("computerIds", ids, "targetTenantId", target)).status())
        .isEqualTo(400);
    assertThat(api().post(MOVE, body("computerIds", List.of(), "targetTenantId", target)).status())
        .isEqualTo(400);
    assertThat(api().post(MOVE, body("computerIds", List.of(computer(tenant())))).status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(MOVE, "{\"computerIds\": [\"nope\"], \"targetTenantId\": \"" + target + "\"}")
                .status())
        .isEqualTo(400);
  }
}
