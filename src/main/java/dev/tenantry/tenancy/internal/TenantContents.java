package dev.tenantry.tenancy.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts what still lives in (or refers to) a tenant, by kind; used to refuse deleting it. */
@Repository
public class TenantContents {
  private final JdbcClient jdbc;

  TenantContents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every non-zero count, in a stable order: computers, people, users, childTenants, … */
  public Map<String, Long> remaining(UUID tenantId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            """
            select (select count(*) from computer where tenant_id = :t) as computers,
                   (select count(*) from person where tenant_id = :t) as people,
                   (select count(*) from app_user u join person p on p.id = u.person_id
                     where p.tenant_id = :t) as users,
                   (select count(*) from tenant where parent_id = :t) as child_tenants,
                   (select count(*) from role where owner_tenant_id = :t) as roles,
                   (select count(*) from user_group where owner_tenant_id = :t) as groups,
                   (select count(*) from role_assignment where scope_tenant_id = :t) as assignments
            """)
        .param("t", tenantId)
        .query(
            rs -> {
              put(counts, "computers", rs.getLong("computers"));
              put(counts, "people", rs.getLong("people"));
              put(counts, "users", rs.getLong("users"));
              put(counts, "childTenants", rs.getLong("child_tenants"));
              put(counts, "roles", rs.getLong("roles"));
              put(counts, "groups", rs.getLong("groups"));
              put(counts, "roleAssignments", rs.getLong("assignments"));
            });
    return counts;
  }

  private static void put(Map<String, Long> counts, String kind, long n) {
    if (n > 0) {
      counts.put(kind, n);
    }
  }
}
