package dev.tenantry.maintenance.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The computers a schedule reaches, always by SQL over today's tree, tags and preferences: its
 * scope (the tenant, with its subtree when {@code includeChildren}; an MSP's tenants; the
 * instance), narrowed by its targets (every computer, chosen computers, computers carrying a tag or
 * in a tenant carrying one). Cross-tenant schedules skip tenants whose effective (inherited)
 * preference {@code maintenance.excludeFromCrossTenant} is true.
 */
@Component
class ScheduleTargets {
  static final String EXCLUDE_KEY = "maintenance.excludeFromCrossTenant";
  private final JdbcClient jdbc;

  ScheduleTargets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next {@code limit} target computers with an id above {@code after}, in id order. */
  List<UUID> page(ScheduleRow s, boolean applicationExcludes, @Nullable UUID after, int limit) {
    Map<String, Object> p = new HashMap<>();
    String where = where(s, applicationExcludes, p);
    if (after != null) {
      where += " and c.id > :after";
      p.put("after", after);
    }
    p.put("limit", limit);
    return jdbc.sql(
            "select c.id from computer c join tenant t on t.id = c.tenant_id where "
                + where
                + " order by c.id limit :limit")
        .params(p)
        .query(UUID.class)
        .list();
  }

  long count(ScheduleRow s, boolean applicationExcludes) {
    Map<String, Object> p = new HashMap<>();
    String where = where(s, applicationExcludes, p);
    return jdbc.sql(
            "select count(*) from computer c join tenant t on t.id = c.tenant_id where " + where)
        .params(p)
        .query(Long.class)
        .single();
  }

  /** Whether the computer lies in the schedule's scope (for validating chosen computers). */
  boolean inScope(ScheduleRow s, UUID computerId, boolean applicationExcludes) {
    Map<String, Object> p = new HashMap<>();
    String scope = scope(s, applicationExcludes, p);
    p.put("cid", computerId);
    return jdbc.sql(
            "select count(*) > 0 from computer c join tenant t on t.id = c.tenant_id where c.id = :cid and "
                + scope)
        .params(p)
        .query(Boolean.class)
        .single();
  }

  private static String where(ScheduleRow s, boolean applicationExcludes, Map<String, Object> p) {
    String scope = scope(s, applicationExcludes, p);
    return switch (s.targetKind()) {
      case "COMPUTERS" -> {
        p.put("computers", s.computerIds().toArray(UUID[]::new));
        yield scope + " and c.id = any(:computers)";
      }
      case "TAGS" -> {
        p.put("tags", s.tagIds().toArray(UUID[]::new));
        yield scope
            + " and (exists (select 1 from computer_tag ct where ct.computer_id = c.id and ct.tag_id = any(:tags))"
            + " or exists (select 1 from tenant_tag tt where tt.tenant_id = c.tenant_id and tt.tag_id = any(:tags)))";
      }
      default -> scope;
    };
  }

  private static String scope(ScheduleRow s, boolean applicationExcludes, Map<String, Object> p) {
    if (s.ownerTenantId() != null) {
      p.put("owner", s.ownerTenantId());
      return s.includeChildren()
          ? "c.tenant_id in (with recursive sub(id) as (select cast(:owner as uuid) union all"
              + " select t2.id from tenant t2 join sub on t2.parent_id = sub.id) select id from sub)"
          : "c.tenant_id = :owner";
    }
    p.put("appExcludes", applicationExcludes);
    p.put("excludeKey", EXCLUDE_KEY);
    String notExcluded = "c.tenant_id not in (" + EXCLUDED + ")";
    if (s.mspId() != null) {
      p.put("msp", s.mspId());
      return "t.msp_id = :msp and " + notExcluded;
    }
    return notExcluded;
  }

  /** Tenants whose effective exclusion (own value, else the nearest ancestor's, else the app's). */
  private static final String EXCLUDED =
      "with recursive eff(id, ex) as ("
          + " select t0.id, coalesce((select cast(p0.value as boolean) from preference p0 where p0.level = 'TENANT'"
          + " and p0.tenant_id = t0.id and p0.key = :excludeKey), :appExcludes)"
          + " from tenant t0 where t0.parent_id is null"
          + " union all"
          + " select t1.id, coalesce((select cast(p1.value as boolean) from preference p1 where p1.level = 'TENANT'"
          + " and p1.tenant_id = t1.id and p1.key = :excludeKey), eff.ex)"
          + " from tenant t1 join eff on t1.parent_id = eff.id)"
          + " select id from eff where ex";
}
