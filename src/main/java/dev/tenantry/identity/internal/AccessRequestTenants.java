package dev.tenantry.identity.internal;

import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.Tenants;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant an access request belongs to: the Tenantry tenant linked to the requester's Entra
 * directory ({@code tid}), or the instance's MSP tenant for the home directory. Only holders of
 * {@code access-requests:view} over that tenant see the request (a customer's administrator sees
 * requests from their own directory, never another customer's); a request whose directory is no
 * longer linked belongs to no tenant and needs the permission instance-wide.
 */
@Component
class AccessRequestTenants {
  /** SQL for the request's tenant over the alias {@code ar}; parameters from {@link #params}. */
  static final String TENANT_OF =
      """
      coalesce((select t.id from tenant t where t.azure_tenant_id = ar.entra_tenant_id),
               case when ar.entra_tenant_id = :arHome then cast(:arMsp as uuid) end)
      """;

  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final UUID homeTid;

  AccessRequestTenants(JdbcClient jdbc, Tenants tenants, OidcProperties oidc) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.homeTid = oidc.homeTenantId();
  }

  @Nullable UUID tenantOf(UUID entraTenantId) {
    return jdbc.sql(
            "select ar_tenant from (select "
                + TENANT_OF
                + " as ar_tenant from"
                + " (select cast(:tid as uuid) as entra_tenant_id) ar) x")
        .params(params())
        .param("tid", entraTenantId)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  /** A where-clause condition limiting requests (alias {@code ar}) to the visible tenants. */
  String visibleCondition(VisibleTenants visible, Map<String, Object> params) {
    params.putAll(params());
    return visible.sql("(" + TENANT_OF + ")", "arVisible", params);
  }

  Map<String, Object> params() {
    Map<String, Object> p = new HashMap<>();
    p.put("arHome", homeTid);
    p.put("arMsp", mspOrNull());
    return p;
  }

  private @Nullable UUID mspOrNull() {
    try {
      return tenants.instanceMspId();
    } catch (ApiException | IllegalStateException e) {
      return null;
    }
  }
}
