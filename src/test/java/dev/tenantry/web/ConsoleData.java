package dev.tenantry.web;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.IntegrationTest;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants, users, computers and grants for the console tests, in committed SQL transactions. */
@Component
class ConsoleData {
  static final UUID SYSTEM_ADMIN = BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id();
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  ConsoleData(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  record User(UUID id, UUID personId, UUID tenantId, UUID oid, String name, String username) {}

  UUID mspTenant() {
    return jdbc.sql("select id from tenant where kind = 'MSP' order by created_at, id limit 1")
        .query(UUID.class)
        .single();
  }

  UUID clientTenant(String name) {
    UUID id = UUID.randomUUID();
    UUID msp = mspTenant();
    tx.executeWithoutResult(
        s ->
            jdbc.sql(
                    "insert into tenant (id, name, slug, kind, parent_id, msp_id) values (?, ?, ?, 'CLIENT', ?, ?)")
                .params(id, name, name.toLowerCase().replaceAll("[^a-z0-9]+", "-"), msp, msp)
                .update());
    return id;
  }

  UUID computer(UUID tenantId, String name) {
    UUID id = UUID.randomUUID();
    tx.executeWithoutResult(
        s ->
            jdbc.sql(
                    "insert into computer (id, tenant_id, name, type) values (?, ?, ?, 'WORKSTATION')")
                .params(id, tenantId, name)
                .update());
    return id;
  }

  UUID tag(String name) {
    UUID id = UUID.randomUUID();
    tx.executeWithoutResult(
        s ->
            jdbc.sql("insert into tag (id, name, color) values (?, ?, '#0f766e')")
                .params(id, name)
                .update());
    return id;
  }

  void tagTenant(UUID tenantId, UUID tagId) {
    tx.executeWithoutResult(
        s ->
            jdbc.sql("insert into tenant_tag (tenant_id, tag_id) values (?, ?)")
                .params(tenantId, tagId)
                .update());
  }

  UUID tenantOf(UUID computerId) {
    return jdbc.sql("select tenant_id from computer where id = ?")
        .param(computerId)
        .query(UUID.class)
        .single();
  }

  /** A person and user in the tenant; not yet granted anything. */
  User user(UUID tenantId, String given, String family) {
    UUID person = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    UUID oid = UUID.randomUUID();
    String mail = given.toLowerCase() + "." + oid.toString().substring(0, 4) + "@example.com";
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  "insert into person (id, tenant_id, given_name, family_name, email, azure_object_id, source) values (?, ?, ?, ?, ?, ?, 'AZURE')")
              .params(person, tenantId, given, family, mail, oid)
              .update();
          jdbc.sql(
                  "insert into app_user (id, person_id, entra_tenant_id, entra_object_id) values (?, ?, ?, ?)")
              .params(user, person, IntegrationTest.HOME_TID, oid)
              .update();
        });
    return new User(user, person, tenantId, oid, given + " " + family, mail);
  }

  /**
   * A person (not a user) in the tenant, from the given source, with an Azure Object ID unless
   * MANUAL.
   */
  UUID person(UUID tenantId, String given, String family, String source) {
    UUID person = UUID.randomUUID();
    UUID oid = "MANUAL".equals(source) ? null : UUID.randomUUID();
    tx.executeWithoutResult(
        s ->
            jdbc.sql(
                    """
        insert into person (id, tenant_id, given_name, family_name, email, azure_object_id, source)
        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                    person,
                    tenantId,
                    given,
                    family,
                    given.toLowerCase() + "@example.com",
                    oid,
                    source)
                .update());
    return person;
  }

  /** An MSP administrator: System Administrator (Legacy) at OWNER. */
  User mspAdmin(String given, String family) {
    User u = user(mspTenant(), given, family);
    tx.executeWithoutResult(
        s ->
            jdbc.sql(
                    """
        insert into role (id, name, built_in) values (?, 'System Administrator (Legacy)', true) on conflict do nothing
        """)
                .param(SYSTEM_ADMIN)
                .update()); // seeded by the authz migration once it is merged
    allow(u.id(), SYSTEM_ADMIN, "OWNER", null);
    return u;
  }

  void allow(UUID userId, UUID roleId, String scopeKind, UUID scopeTenantId) {
    tx.executeWithoutResult(
        s ->
            jdbc.sql(
                    """
        insert into role_assignment (id, user_id, role_id, effect, scope_kind, scope_tenant_id)
        values (?, ?, ?, 'ALLOW', ?, ?)""")
                .params(UUID.randomUUID(), userId, roleId, scopeKind, scopeTenantId)
                .update());
  }

  void preference(String key, boolean on) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("delete from preference where level = 'APPLICATION' and key = ?")
              .param(key)
              .update();
          jdbc.sql("insert into preference (level, key, value) values ('APPLICATION', ?, ?::jsonb)")
              .params(key, Boolean.toString(on))
              .update();
        });
  }
}
