package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Linking an Entra directory (a tenant's {@code azureTenantId}) makes the instance trust its
 * tokens: it needs the system, MSP-only permission {@code azure:link-tenant}, is audited, and the
 * tenant keeps who linked it and when.
 */
class AzureLinkTest extends TenancyTestSupport {

  @Test
  void azureLinkTenantIsASystemMspOnlyPermission() {
    assertThat(Permission.AZURE_LINK_TENANT.system()).isTrue();
    assertThat(Permission.AZURE_LINK_TENANT.mspOnly()).isTrue();
    assertThat(BuiltInRoles.ADMINISTRATOR_LEGACY.permissions())
        .doesNotContain(Permission.AZURE_LINK_TENANT);
  }

  @Test
  void aTenantAdminCannotSetAnEntraTenantIdOnTheirTenant() {
    UUID tenant = testUsers.clientTenant("own-link");
    TestUser tenantAdmin =
        testUsers.user(
            tenant,
            Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(tenant, true)));
    var api = tenantAdmin.http();

    var link = patch(api, tenant, Map.of("azureTenantId", UUID.randomUUID().toString()));
    var child =
        api.post(
            "/api/v1/tenants",
            Map.of(
                "name",
                unique("linked child"),
                "parentId",
                tenant.toString(),
                "azureTenantId",
                UUID.randomUUID().toString()));

    assertThat(link.status()).as(link.toString()).isEqualTo(403);
    assertThat(link.json().path("detail").asString()).contains("azure:link-tenant");
    assertThat(child.status()).as(child.toString()).isEqualTo(403);
    assertThat(
            get(signedIn(), tenant).path("azureTenantId").isMissingNode()
                || get(signedIn(), tenant).path("azureTenantId").isNull())
        .isTrue();
  }

  @Test
  void linkingIsAuditedAndRecordsWhoLinkedAndWhen() {
    UUID tenant = testUsers.clientTenant("msp-link");
    UUID tid = UUID.randomUUID();
    var api = signedIn();

    var r = patch(api, tenant, Map.of("azureTenantId", tid.toString()));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("azureTenantId").asString()).isEqualTo(tid.toString());
    assertThat(audits("tenant.updated", tenant)).isEqualTo(1);
    var row =
        jdbc.sql(
                "select azure_linked_at is not null, azure_linked_by is not null"
                    + " from tenant where id = ?")
            .param(tenant)
            .query((rs, n) -> rs.getBoolean(1) && rs.getBoolean(2))
            .single();
    assertThat(row).isTrue();

    Map<String, Object> unlink = new java.util.HashMap<>();
    unlink.put("azureTenantId", null);
    var unlinked = patch(api, tenant, unlink);
    assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
    assertThat(
            jdbc.sql("select azure_linked_at is null from tenant where id = ?")
                .param(tenant)
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}
