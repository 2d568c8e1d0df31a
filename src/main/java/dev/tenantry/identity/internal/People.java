package dev.tenantry.identity.internal;

import dev.tenantry.shared.db.Rows;
import dev.tenantry.shared.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The few person and tenant reads/writes that making a user needs (the directory feature owns the
 * people API). The Entra tenant of a person is its tenant's link, else the home tenant.
 */
@Repository
class People {
  private final JdbcClient jdbc;
  private final UUID homeTid;

  People(JdbcClient jdbc, OidcProperties props) {
    this.jdbc = jdbc;
    this.homeTid = props.homeTenantId();
  }

  record PersonRow(
      UUID id,
      UUID tenantId,
      @Nullable UUID azureObjectId,
      String givenName,
      String familyName,
      String email) {}

  Optional<PersonRow> person(UUID id) {
    return jdbc.sql(
            "select id, tenant_id, azure_object_id, given_name, family_name, email from person where id = ?")
        .param(id)
        .query(Rows.of(PersonRow.class))
        .optional();
  }

  Optional<UUID> personByOid(UUID tenantId, UUID oid) {
    return jdbc.sql("select id from person where tenant_id = ? and azure_object_id = ?")
        .params(tenantId, oid)
        .query(UUID.class)
        .optional();
  }

  /** The tenant's linked Entra tenant, empty when not linked; 404 when there is no such tenant. */
  Optional<UUID> tenantLink(UUID tenantId) {
    var row =
        jdbc.sql("select azure_tenant_id from tenant where id = ?")
            .param(tenantId)
            .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
            .optional();
    return row.orElseThrow(() -> ApiException.notFound("Tenant", tenantId));
  }

  UUID entraTenantOf(UUID tenantId) {
    return tenantLink(tenantId).orElse(homeTid);
  }

  UUID insert(
      UUID tenantId,
      String givenName,
      String familyName,
      String email,
      @Nullable UUID oid,
      String source) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
        insert into person (id, tenant_id, given_name, family_name, email, azure_object_id, source)
        values (?, ?, ?, ?, ?, ?, ?)
        """)
        .params(id, tenantId, givenName, familyName, email, oid, source)
        .update();
    return id;
  }

  /**
   * People of these tenants who have an Azure Object ID and are not users yet (the ones "promote"
   * can take).
   */
  java.util.List<PersonRow> promotable(java.util.Collection<UUID> tenantIds) {
    if (tenantIds.isEmpty()) {
      return java.util.List.of();
    }
    return jdbc.sql(
            """
        select p.id, p.tenant_id, p.azure_object_id, p.given_name, p.family_name, p.email from person p
        where p.tenant_id in (:tenants) and p.azure_object_id is not null
          and not exists (select 1 from app_user u where u.person_id = p.id)
        order by p.family_name, p.given_name limit 500
        """)
        .param("tenants", tenantIds)
        .query(Rows.of(PersonRow.class))
        .list();
  }

  /**
   * Promotable people (an Azure Object ID, not a user yet) of the tenants {@code tenants} allows,
   * whose name or e-mail contains {@code q}, by name: the "promote" picker.
   */
  java.util.List<PersonRow> promotableMatching(
      dev.tenantry.authz.access.TenantFilter tenants, String q, int limit) {
    var visible = tenants.sql("p.tenant_id");
    var params = new java.util.HashMap<String, Object>(visible.params());
    params.put("q", dev.tenantry.shared.db.Like.contains(q));
    params.put("limit", limit);
    return jdbc.sql(
            "select p.id, p.tenant_id, p.azure_object_id, p.given_name, p.family_name, p.email"
                + " from person p where "
                + visible.sql()
                + " and p.azure_object_id is not null"
                + " and not exists (select 1 from app_user u where u.person_id = p.id)"
                + " and (p.given_name || ' ' || p.family_name ilike :q"
                + " or p.family_name || ' ' || p.given_name ilike :q or p.email ilike :q)"
                + " order by lower(p.family_name), lower(p.given_name), p.id limit :limit")
        .params(params)
        .query(Rows.of(PersonRow.class))
        .list();
  }
}
