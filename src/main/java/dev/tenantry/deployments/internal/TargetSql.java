package dev.tenantry.deployments.internal;

import dev.tenantry.authz.access.SqlPredicate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN §8 resolution as SQL: the predicate "computer {@code c} is reached by the target", over
 * the current tenant tree, tags and primary persons. A computer or person target reaches computers
 * of its owner tenant only (a computer that moved to another tenant leaves the deployment behind);
 * a cross-tenant target skips the tenants in {@code excluded} (preference "Exclude From
 * Cross-Tenant Deployments and Schedules").
 */
final class TargetSql {
  private TargetSql() {}

  static SqlPredicate reaches(
      DeploymentTarget target, @Nullable UUID ownerTenantId, Set<UUID> excluded) {
    Map<String, Object> p = new HashMap<>();
    String sql =
        switch (target) {
          case DeploymentTarget.Computer c -> {
            p.put("rc", c.computerId());
            p.put("ro", ownerTenantId);
            yield "c.id = :rc and c.tenant_id = :ro";
          }
          case DeploymentTarget.Person x -> {
            p.put("rp", x.personId());
            yield "c.primary_person_id = :rp"
                + " and c.tenant_id = (select rp.tenant_id from person rp where rp.id = :rp)";
          }
          case DeploymentTarget.Tenant t -> {
            p.put("rt", t.tenantId());
            yield t.includeChildren()
                ? "c.tenant_id in (with recursive sub (id, depth) as (select cast(:rt as uuid), 0"
                    + " union all select x.id, sub.depth + 1 from tenant x join sub on x.parent_id = sub.id"
                    + " where sub.depth < 10000) select id from sub)"
                : "c.tenant_id = :rt";
          }
          case DeploymentTarget.TenantTag g -> {
            p.put("rg", g.tagId());
            String msp = "";
            if (g.mspId() != null) {
              p.put("rm", g.mspId());
              msp = " and rx.msp_id = :rm";
            }
            yield "c.tenant_id in (select rtt.tenant_id from tenant_tag rtt join tenant rx"
                + " on rx.id = rtt.tenant_id where rtt.tag_id = :rg"
                + msp
                + ")";
          }
          case DeploymentTarget.CrossTenant x -> {
            String s = "true";
            if (x.mspId() != null) {
              p.put("rm", x.mspId());
              s = "c.tenant_id in (select rx.id from tenant rx where rx.msp_id = :rm)";
            }
            if (!excluded.isEmpty()) {
              p.put("rex", excluded.toArray(UUID[]::new));
              s += " and c.tenant_id <> all(:rex)";
            }
            yield s;
          }
        };
    return new SqlPredicate(sql, p);
  }
}
