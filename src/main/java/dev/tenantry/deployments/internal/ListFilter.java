package dev.tenantry.deployments.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import java.util.HashMap;
import java.util.Map;

/**
 * The deployments the current user may view, as SQL over {@code deployment d} (DESIGN §6: lists are
 * filtered in SQL from the engine's grants): a computer target where deployments:view covers the
 * computer; a person or tenant target where it covers the owner tenant; a tag or cross-tenant
 * target where both deployments:view and cross-tenant-deployments:view cover its MSP, or, for the
 * whole instance, are held at OWNER.
 */
final class ListFilter {
  private ListFilter() {}

  static SqlPredicate of(Authorizer authorizer) {
    SqlPredicate computers = authorizer.computers(Permission.DEPLOYMENTS_VIEW).sql("lfc", "lfc");
    SqlPredicate owners =
        authorizer.tenants(Permission.DEPLOYMENTS_VIEW).sql("d.owner_tenant_id", "lfOwners");
    SqlPredicate cross =
        authorizer
            .tenants(Permission.CROSS_TENANT_DEPLOYMENTS_VIEW)
            .sql("d.owner_tenant_id", "lfCross");
    boolean instance =
        authorizer.check(Permission.DEPLOYMENTS_VIEW, Target.system()).allowed()
            && authorizer
                .check(Permission.CROSS_TENANT_DEPLOYMENTS_VIEW, Target.system())
                .allowed();
    Map<String, Object> params = new HashMap<>(computers.params());
    params.putAll(owners.params());
    params.putAll(cross.params());
    String sql =
        "((d.target_kind = 'COMPUTER' and exists (select 1 from computer lfc where lfc.id ="
            + " d.target_computer_id and "
            + computers.sql()
            + "))"
            + " or (d.target_kind in ('PERSON', 'TENANT') and "
            + owners.sql()
            + ")"
            + " or (d.target_kind in ('TENANT_TAG', 'CROSS_TENANT') and d.owner_tenant_id is not null and "
            + owners.sql()
            + " and "
            + cross.sql()
            + ")"
            + (instance ? " or d.owner_tenant_id is null" : "")
            + ")";
    return new SqlPredicate(sql, params);
  }
}
