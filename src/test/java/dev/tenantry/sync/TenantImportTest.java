package dev.tenantry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Import of linked client tenants from the MSP's GDAP customers and from a CSV (DESIGN §9). */
class TenantImportTest extends SyncTestSupport {

  private long auditEvents(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  @Test
  void gdapPreviewListsCustomersWithTidAndMarksLinkedOnesThenImportCreatesAndLinksInOneEvent() {
    Http admin = signedIn();
    int taken = TestGraph.nextGdapCustomer();
    UUID takenTid = TestGraph.gdapCustomer(taken);
    UUID already = testUsers.clientTenant("gdap-linked");
    testUsers.write(
        () ->
            jdbc.sql("update tenant set azure_tenant_id = ? where id = ?")
                .params(takenTid, already)
                .update());

    var preview = admin.get("/api/v1/tenant-imports/gdap");

    assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
    JsonNode rows = preview.json();
    assertThat(rows.size()).as("both pages").isEqualTo(TestGraph.GDAP_CUSTOMERS);
    JsonNode linkedRow = find(rows, takenTid);
    assertThat(linkedRow.path("alreadyLinked").asBoolean()).isTrue();
    assertThat(linkedRow.path("name").asString()).isEqualTo(TestGraph.gdapName(taken));

    int a = TestGraph.nextGdapCustomer();
    int b = TestGraph.nextGdapCustomer();
    UUID parent = testUsers.clientTenant("gdap-parent");
    UUID tag = testUsers.tag("gdap");
    long eventsBefore = auditEvents("tenants.imported");
    var imported =
        admin.post(
            "/api/v1/tenant-imports/gdap",
            Map.of(
                "tids",
                List.of(TestGraph.gdapCustomer(a), TestGraph.gdapCustomer(b)),
                "parentId",
                parent,
                "tagIds",
                List.of(tag)));

    assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
    assertThat(imported.json().size()).isEqualTo(2);
    assertThat(auditEvents("tenants.imported")).isEqualTo(eventsBefore + 1);
    JsonNode t = imported.json().get(0);
    assertThat(t.path("name").asString()).isEqualTo(TestGraph.gdapName(a));
    assertThat(t.path("azureTenantId").asString()).isEqualTo(TestGraph.gdapCustomer(a).toString());
    assertThat(t.path("parentId").asString()).isEqualTo(parent.toString());
    assertThat(t.path("tags").get(0).path("id").asString()).isEqualTo(tag.toString());
    assertThat(
            find(admin.get("/api/v1/tenant-imports/gdap").json(), TestGraph.gdapCustomer(b))
                .path("alreadyLinked")
                .asBoolean())
        .isTrue();

    var again =
        admin.post(
            "/api/v1/tenant-imports/gdap",
            Map.of(
                "tids",
                List.of(
                    TestGraph.gdapCustomer(TestGraph.nextGdapCustomer()),
                    TestGraph.gdapCustomer(a))));
    assertThat(again.status()).as("all or nothing: one row is linked already").isEqualTo(409);
    var stranger =
        admin.post("/api/v1/tenant-imports/gdap", Map.of("tids", List.of(UUID.randomUUID())));
    assertThat(stranger.status()).isEqualTo(400);
  }

  @Test
  void csvDryRunReportsEachBadRowAndTheImportRefusesTheWholeFileUntilItIsClean() {
    Http admin = signedIn();
    UUID parent = testUsers.clientTenant("csv-parent");
    String parentName =
        jdbc.sql("select name from tenant where id = ?").param(parent).query(String.class).single();
    String tagName =
        jdbc.sql("select name from tag where id = ?")
            .param(testUsers.tag("csv"))
            .query(String.class)
            .single();
    UUID linkedTid = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql("update tenant set azure_tenant_id = ? where id = ?")
                .params(linkedTid, parent)
                .update());
    String good = "Csv Good " + UUID.randomUUID();
    String csv =
        "name,tid,parent,tags\n"
            + "\""
            + good
            + "\","
            + UUID.randomUUID()
            + ",\""
            + parentName
            + "\","
            + tagName
            + "\n"
            + "No Guid,not-a-guid,,\n"
            + "Linked One,"
            + linkedTid
            + ",,\n"
            + "Orphan,"
            + UUID.randomUUID()
            + ",Nowhere Tenant,\n"
            + "Bad Tag,"
            + UUID.randomUUID()
            + ",,no-such-tag\n"
            + "\""
            + good
            + "\","
            + UUID.randomUUID()
            + ",,\n";

    var dry = admin.post("/api/v1/tenant-imports/csv?dryRun=true", csv);

    assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
    JsonNode rows = dry.json();
    assertThat(rows.size()).isEqualTo(6);
    assertThat(rows.get(0).path("errors").size()).isZero();
    assertThat(rows.get(0).path("parentId").asString()).isEqualTo(parent.toString());
    assertThat(rows.get(1).path("errors").get(0).asString()).contains("not a GUID");
    assertThat(rows.get(2).path("alreadyLinked").asBoolean()).isTrue();
    assertThat(rows.get(3).path("errors").get(0).asString()).contains("unknown parent");
    assertThat(rows.get(4).path("errors").get(0).asString()).contains("unknown tag");
    assertThat(rows.get(5).path("errors").get(0).asString()).contains("repeated");
    assertThat(rows.get(5).path("line").asInt()).isEqualTo(7);
    assertThat(
            jdbc.sql("select count(*) from tenant where name = ?")
                .param(good)
                .query(Long.class)
                .single())
        .isZero();

    var refused = admin.post("/api/v1/tenant-imports/csv", csv);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("rows").size()).isEqualTo(5);
    assertThat(
            jdbc.sql("select count(*) from tenant where name = ?")
                .param(good)
                .query(Long.class)
                .single())
        .isZero();

    String clean =
        "name,tid,parent,tags\n\""
            + good
            + "\","
            + UUID.randomUUID()
            + ","
            + parent
            + ","
            + tagName
            + "\n";
    var created = admin.post("/api/v1/tenant-imports/csv", clean);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.json().get(0).path("parentId").asString()).isEqualTo(parent.toString());
    assertThat(created.json().get(0).path("tags").size()).isEqualTo(1);
  }

  @Test
  void importNeedsTenantsCreateAndTheEntraLinkPermission() {
    var plain = testUsers.user(testUsers.clientTenant("no-rights"));
    assertThat(plain.http().get("/api/v1/tenant-imports/gdap").status()).isEqualTo(403);
    assertThat(
            plain
                .http()
                .post("/api/v1/tenant-imports/csv?dryRun=true", "name,tid\nx," + UUID.randomUUID())
                .status())
        .isEqualTo(403);
  }

  private static JsonNode find(JsonNode rows, UUID tid) {
    for (JsonNode r : rows) {
      if (r.path("azureTenantId").asString().equals(tid.toString())) {
        return r;
      }
    }
    throw new AssertionError("no row for " + tid);
  }

  /** DESIGN §3.10: an import that tags tenants into a tag scope widens access like tagging does. */
  @Test
  void importingTaggedTenantsIntoATagScopeNeedsAcceptAccessChanges() {
    Http admin = signedIn();
    UUID tag = testUsers.tag("import-vip");
    var holder =
        testUsers.user(
            testUsers.mspTenant(),
            dev.tenantry.support.TestUsers.Grant.allow(
                dev.tenantry.authz.BuiltInRoles.ADMINISTRATOR_LEGACY.id(),
                dev.tenantry.authz.Scope.tenantTag(tag)));
    int a = TestGraph.nextGdapCustomer();
    Map<String, Object> body =
        Map.of("tids", List.of(TestGraph.gdapCustomer(a)), "tagIds", List.of(tag));
    long before = auditEvents("tenants.imported");

    var refused = admin.post("/api/v1/tenant-imports/gdap", body);

    assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
    assertThat(refused.raw()).contains(holder.id().toString());
    assertThat(auditEvents("tenants.imported")).isEqualTo(before);
    String digest = refused.json().path("accessChanges").path("digest").asString();

    var imported =
        admin.header("Accept-Access-Changes", digest).post("/api/v1/tenant-imports/gdap", body);

    assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
    assertThat(auditEvents("tenants.imported")).isEqualTo(before + 1);
  }
}
