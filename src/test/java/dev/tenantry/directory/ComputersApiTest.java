package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComputersApiTest extends DirectoryTest {

  @Test
  void aComputerIsCreatedReadUpdatedAndDeletedWithOneAuditEventEach() {
    UUID tenant = tenant();
    UUID person = person(tenant);
    var created =
        api()
            .post(
                "/api/v1/computers",
                body(
                    "tenantId",
                    tenant,
                    "name",
                    "Srv-01",
                    "type",
                    "SERVER",
                    "primaryPersonId",
                    person,
                    "os",
                    "Windows Server 2025",
                    "serial",
                    "SN1"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    UUID id = id(created.json());
    assertThat(created.json().path("primaryPersonId").asString()).isEqualTo(person.toString());

    var updated =
        api()
            .put(
                "/api/v1/computers/" + id,
                body(
                    "name",
                    "Srv-02",
                    "type",
                    "DOMAIN_CONTROLLER",
                    "os",
                    "Windows Server 2025",
                    "version",
                    0));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.json().path("type").asString()).isEqualTo("DOMAIN_CONTROLLER");
    assertThat(updated.json().has("primaryPersonId")).isFalse();
    assertThat(updated.json().path("serial").asString()).isEmpty();

    assertThat(api().delete("/api/v1/computers/" + id).status()).isEqualTo(204);
    assertThat(api().get("/api/v1/computers/" + id).status()).isEqualTo(404);
    assertThat(auditEvents("computer", id, "computer.created")).isEqualTo(1);
    assertThat(auditEvents("computer", id, "computer.updated")).isEqualTo(1);
    assertThat(auditEvents("computer", id, "computer.deleted")).isEqualTo(1);
    assertThat(auditEvents("computer", id)).isEqualTo(3);
  }

  @Test
  void primaryPersonMustBelongToTheComputersTenant() {
    UUID tenant = tenant();
    UUID stranger = person(tenant());
    var r =
        api()
            .post(
                "/api/v1/computers",
                body(
                    "tenantId",
                    tenant,
                    "name",
                    "PC",
                    "type",
                    "WORKSTATION",
                    "primaryPersonId",
                    stranger));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asString()).contains("belongs to tenant");
    assertThat(count("select count(*) from computer where tenant_id = ?", tenant)).isZero();

    UUID pc = computer(tenant);
    var put =
        api()
            .put(
                "/api/v1/computers/" + pc,
                body(
                    "name",
                    "PC",
                    "type",
                    "WORKSTATION",
                    "primaryPersonId",
                    stranger,
                    "version",
                    0));
    assertThat(put.status()).isEqualTo(400);
    assertThat(api().get("/api/v1/computers/" + pc).json().path("version").asLong()).isZero();
    assertThat(auditEvents("computer", pc, "computer.updated")).isZero();
  }

  @Test
  void anUnknownPrimaryPersonOrTenantIsRefusedWith404() {
    UUID tenant = tenant();
    UUID ghost = UUID.randomUUID();
    var r =
        api()
            .post(
                "/api/v1/computers",
                body(
                    "tenantId",
                    tenant,
                    "name",
                    "PC",
                    "type",
                    "WORKSTATION",
                    "primaryPersonId",
                    ghost));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("detail").asString()).isEqualTo("person " + ghost + " was not found");
    UUID missingTenant = UUID.randomUUID();
    var t =
        api()
            .post(
                "/api/v1/computers",
                body("tenantId", missingTenant, "name", "PC", "type", "SERVER"));
    assertThat(t.status()).isEqualTo(404);
    assertThat(t.json().path("detail").asString())
        .isEqualTo("tenant " + missingTenant + " was not found");
    assertThat(count("select count(*) from computer where tenant_id = ?", tenant)).isZero();
  }

  @Test
  void invalidComputersAreRefusedWith400() {
    UUID tenant = tenant();
    assertThat(
            api()
                .post("/api/v1/computers", body("tenantId", tenant, "name", " ", "type", "SERVER"))
                .status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(
                    "/api/v1/computers",
                    body("tenantId", tenant, "name", "x".repeat(201), "type", "SERVER"))
                .status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(
                    "/api/v1/computers", body("tenantId", tenant, "name", "PC", "type", "TOASTER"))
                .status())
        .isEqualTo(400);
    assertThat(api().post("/api/v1/computers", body("tenantId", tenant, "name", "PC")).status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(
                    "/api/v1/computers",
                    body(
                        "tenantId",
                        tenant,
                        "name",
                        "PC",
                        "type",
                        "SERVER",
                        "serial",
                        "s".repeat(201)))
                .status())
        .isEqualTo(400);
    assertThat(api().post("/api/v1/computers", "[1,2").status()).isEqualTo(400);
    assertThat(count("select count(*) from computer where tenant_id = ?", tenant)).isZero();
  }

  @Test
  void aComputersTenantCannotBeChangedByUpdate() {
    UUID tenant = tenant();
    UUID pc = computer(tenant);
    var r =
        api()
            .put(
                "/api/v1/computers/" + pc,
                body("tenantId", tenant(), "name", "PC", "type", "SERVER", "version", 0));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asString()).contains("change-tenant");
    var now = api().get("/api/v1/computers/" + pc).json();
    assertThat(now.path("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(now.path("type").asString()).isEqualTo("WORKSTATION");
  }

  @Test
  void aStaleComputerVersionIsRefusedWith412() {
    UUID pc = computer(tenant());
    assertThat(
            api()
                .header("If-Match", "\"0\"")
                .put("/api/v1/computers/" + pc, body("name", "Renamed", "type", "PORTABLE"))
                .status())
        .isEqualTo(200);
    var stale =
        api()
            .put(
                "/api/v1/computers/" + pc, body("name", "Again", "type", "PORTABLE", "version", 0));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("code").asString()).isEqualTo("stale-version");
    assertThat(api().header("If-Match", "\"0\"").delete("/api/v1/computers/" + pc).status())
        .isEqualTo(412);
    var now = api().get("/api/v1/computers/" + pc);
    assertThat(now.json().path("name").asString()).isEqualTo("Renamed");
    assertThat(now.header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void computerTagsAreAddedAndRemovedWithOneAuditEventEach() {
    UUID pc = computer(tenant());
    UUID tag = tag();
    api().put("/api/v1/computers/" + pc + "/tags/" + tag, null);
    api().put("/api/v1/computers/" + pc + "/tags/" + tag, null);
    assertThat(api().get("/api/v1/computers/" + pc).json().path("tags").size()).isEqualTo(1);
    assertThat(auditEvents("computer", pc, "computer.tagged")).isEqualTo(1);
    assertThat(api().delete("/api/v1/computers/" + pc + "/tags/" + tag).status()).isEqualTo(204);
    assertThat(api().get("/api/v1/computers/" + pc).json().path("tags").isEmpty()).isTrue();
    assertThat(auditEvents("computer", pc, "computer.untagged")).isEqualTo(1);
    assertThat(api().put("/api/v1/computers/" + pc + "/tags/" + UUID.randomUUID(), null).status())
        .isEqualTo(404);
  }

  @Test
  void unknownComputersAnswer404() {
    UUID ghost = UUID.randomUUID();
    var r = api().get("/api/v1/computers/" + ghost);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("detail").asString())
        .isEqualTo("computer " + ghost + " was not found");
    assertThat(
            api()
                .put(
                    "/api/v1/computers/" + ghost, body("name", "x", "type", "SERVER", "version", 0))
                .status())
        .isEqualTo(404);
    assertThat(api().delete("/api/v1/computers/" + ghost).status()).isEqualTo(404);
  }
}
