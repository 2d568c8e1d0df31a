package dev.tenantry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.TestGraph;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import creates tenants like a single create does (TenantCommands): the Entra link is an
 * instance-wide trust decision, so each imported tenant keeps who linked it and when (V55).
 */
class TenantImportLinkTest extends SyncTestSupport {

  @Test
  void importedTenantsRecordWhoLinkedTheirEntraTenantAndWhen() {
    TestUser admin = testUsers.mspAdmin();
    UUID tid = TestGraph.gdapCustomer(TestGraph.nextGdapCustomer());
    var imported = admin.http().post("/api/v1/tenant-imports/gdap", Map.of("tids", List.of(tid)));
    assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
    UUID tenant = UUID.fromString(imported.json().get(0).path("id").asString());
    Map<String, Object> link =
        jdbc.sql(
                "select azure_linked_by, azure_linked_at is not null as at from tenant where id = ?")
            .param(tenant)
            .query()
            .singleRow();
    assertThat(link.get("azure_linked_by")).isEqualTo(admin.id());
    assertThat(link.get("at")).isEqualTo(true);
  }
}
