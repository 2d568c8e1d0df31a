package dev.tenantry.security;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh objects in a given tenant, each written in its own committed transaction (the policy store
 * catches up).
 */
final class MatrixFixtures {
  final TestUsers users;
  final JdbcClient jdbc;

  MatrixFixtures(TestUsers users, JdbcClient jdbc) {
    this.users = users;
    this.jdbc = jdbc;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  UUID tenantUnder(UUID parent) {
    return users.tenant("mx", parent, false);
  }

  /**
   * When set, every fresh computer carries this tag (for a caller holding a computer-tag scope).
   */
  static volatile UUID computerTag;

  UUID computer(UUID tenant) {
    UUID tag = computerTag;
    return tag == null
        ? users.computer(tenant, ComputerType.WORKSTATION)
        : users.computer(tenant, ComputerType.WORKSTATION, tag);
  }

  UUID tag() {
    return users.tag("mx");
  }

  UUID person(UUID tenant) {
    UUID id = UUID.randomUUID();
    users.write(
        () ->
            jdbc.sql(
                    "insert into person (id, tenant_id, given_name, azure_object_id, source)"
                        + " values (?, ?, ?, ?, 'MANUAL')")
                .params(id, tenant, unique("p"), UUID.randomUUID())
                .update());
    return id;
  }

  /** A user (and its person) in the tenant, holding nothing. */
  UUID user(UUID tenant) {
    return users.user(tenant).id();
  }

  UUID group(UUID owner) {
    UUID id = UUID.randomUUID();
    users.write(
        () ->
            jdbc.sql("insert into user_group (id, name, owner_tenant_id) values (?, ?, ?)")
                .params(id, unique("g"), owner)
                .update());
    return id;
  }

  void addMember(UUID group, UUID user) {
    users.write(
        () ->
            jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
                .params(group, user)
                .update());
  }

  UUID role(UUID owner) {
    UUID id = UUID.randomUUID();
    users.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, owner_tenant_id, permissions)"
                        + " values (?, ?, ?, array['computers:view'])")
                .params(id, unique("r"), owner)
                .update());
    return id;
  }

  /** User (Legacy) allowed at TENANT(tenant) to a fresh user of the tenant. */
  UUID assignment(UUID tenant) {
    UUID user = user(tenant);
    return users.assign(
        Principal.user(user),
        Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.tenant(tenant, false)));
  }

  /** A pending request from the Entra directory linked to {@code tenant} (linked on first use). */
  UUID accessRequest(UUID tenant) {
    UUID id = UUID.randomUUID();
    users.write(
        () -> {
          jdbc.sql("update tenant set azure_tenant_id = ? where id = ? and azure_tenant_id is null")
              .params(UUID.randomUUID(), tenant)
              .update();
          UUID tid =
              jdbc.sql("select azure_tenant_id from tenant where id = ?")
                  .param(tenant)
                  .query(UUID.class)
                  .single();
          jdbc.sql(
                  "insert into access_request (id, entra_tenant_id, entra_object_id, name, email, status)"
                      + " values (?, ?, ?, 'Req Uester', 'req@example.com', 'PENDING')")
              .params(id, tid, UUID.randomUUID())
              .update();
        });
    return id;
  }

  /** For recipes in other files that need a row no fixture above makes. */
  JdbcClient jdbc() {
    return jdbc;
  }
}
