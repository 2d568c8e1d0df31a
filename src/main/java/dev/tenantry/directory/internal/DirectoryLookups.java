package dev.tenantry.directory.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the tenants and tags the directory refers to, locking each row FOR SHARE so that a
 * concurrent tenant delete or merge cannot remove it before this transaction commits. Tenants and
 * tags belong to the tenancy feature; its facade ({@code Tenants.find}) builds a full view with
 * counts and takes no lock, so the directory keeps this narrow read (a follow-up may move a locking
 * lookup into the facade).
 */
@Repository
class DirectoryLookups {
  private final JdbcClient jdbc;

  DirectoryLookups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record TenantRef(UUID id, String name, boolean active) {}

  /** The tenant, locked against deletion until the transaction ends; 404 when missing. */
  TenantRef requireTenant(UUID id) {
    return jdbc.sql("select id, name, active from tenant where id = ? for share")
        .param(id)
        .query(
            (rs, n) ->
                new TenantRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
        .optional()
        .orElseThrow(() -> ApiException.notFound("tenant", id));
  }

  /** The tag, locked against deletion until the transaction ends; 404 when missing. */
  TagRef requireTag(UUID id) {
    return jdbc.sql("select id, name, color from tag where id = ? for share")
        .param(id)
        .query((rs, n) -> new TagRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional()
        .orElseThrow(() -> ApiException.notFound("tag", id));
  }
}
