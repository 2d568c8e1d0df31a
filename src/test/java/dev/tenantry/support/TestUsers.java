package dev.tenantry.support;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.internal.ScopeColumns;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds tenants, users, computers and role assignments with plain SQL for integration tests. Every
 * write runs in a Spring transaction, so the policy store catches up on commit exactly as it does
 * after a real request.
 */
@Component
public class TestUsers {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Environment env;

  TestUsers(JdbcClient jdbc, TransactionTemplate tx, Environment env) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.env = env;
  }

  public record TestUser(UUID id, UUID personId, UUID tenantId, UUID tid, UUID oid, Http http) {}

  public record Grant(UUID roleId, Scope scope, Effect effect) {
    public static Grant allow(UUID roleId, Scope scope) {
      return new Grant(roleId, scope, Effect.ALLOW);
    }

    public static Grant deny(UUID roleId, Scope scope) {
      return new Grant(roleId, scope, Effect.DENY);
    }
  }

  /** The instance's MSP tenant (the oldest MSP), created if there is none. */
  public UUID mspTenant() {
    return jdbc.sql("select id from tenant where kind = 'MSP' order by created_at, id limit 1")
        .query(UUID.class)
        .optional()
        .orElseGet(() -> tenant("msp", null, true));
  }

  /** A client tenant below the MSP tenant. */
  public UUID clientTenant(String name) {
    return tenant(name, mspTenant(), false);
  }

  public UUID tenant(String name, UUID parentId, boolean msp) {
    UUID id = UUID.randomUUID();
    String unique = name + "-" + id.toString().substring(0, 8);
    UUID mspId =
        msp
            ? id
            : jdbc.sql("select msp_id from tenant where id = ?")
                .param(parentId)
                .query(UUID.class)
                .single();
    write(
        () ->
            jdbc.sql(
                    "insert into tenant (id, name, slug, kind, parent_id, msp_id) values (?, ?, ?, ?, ?, ?)")
                .params(
                    id,
                    unique,
                    unique.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                    msp ? "MSP" : "CLIENT",
                    parentId,
                    mspId)
                .update());
    return id;
  }

  public UUID tag(String name) {
    UUID id = UUID.randomUUID();
    write(
        () ->
            jdbc.sql("insert into tag (id, name) values (?, ?)")
                .params(id, name + "-" + id)
                .update());
    return id;
  }

  public void tagTenant(UUID tenantId, UUID tagId) {
    write(
        () ->
            jdbc.sql("insert into tenant_tag (tenant_id, tag_id) values (?, ?)")
                .params(tenantId, tagId)
                .update());
  }

  public UUID computer(UUID tenantId, ComputerType type, UUID... tagIds) {
    UUID id = UUID.randomUUID();
    write(
        () -> {
          jdbc.sql("insert into computer (id, tenant_id, name, type) values (?, ?, ?, ?)")
              .params(id, tenantId, "pc-" + id.toString().substring(0, 8), type.name())
              .update();
          for (UUID tag : tagIds) {
            jdbc.sql("insert into computer_tag (computer_id, tag_id) values (?, ?)")
                .params(id, tag)
                .update();
          }
        });
    return id;
  }

  /** A new person and user in the tenant, signed in with a fresh (tid, oid), holding the grants. */
  public TestUser user(UUID tenantId, Grant... grants) {
    UUID person = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    UUID oid = UUID.randomUUID();
    UUID tid = IntegrationTest.HOME_TID;
    write(
        () -> {
          jdbc.sql(
                  "insert into person (id, tenant_id, given_name, email, azure_object_id, source) values (?, ?, ?, ?, ?, 'AZURE')")
              .params(
                  person,
                  tenantId,
                  "User " + oid.toString().substring(0, 6),
                  oid + "@example.com",
                  oid)
              .update();
          jdbc.sql(
                  "insert into app_user (id, person_id, entra_tenant_id, entra_object_id) values (?, ?, ?, ?)")
              .params(user, person, tid, oid)
              .update();
          for (Grant g : grants) {
            insertAssignment(Principal.user(user), g);
          }
        });
    return new TestUser(user, person, tenantId, tid, oid, http(tid, oid));
  }

  /**
   * A fresh MSP administrator: System Administrator (Legacy) @OWNER, in the instance's MSP tenant.
   */
  public TestUser mspAdmin() {
    return user(
        mspTenant(), Grant.allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.owner()));
  }

  public UUID assign(Principal principal, Grant grant) {
    return writeAndGet(() -> insertAssignment(principal, grant));
  }

  /**
   * Removes every direct assignment of the user (in a committed transaction, so the policy store
   * catches up): for tests whose assignments would otherwise change what later tests on the shared
   * MSP see, e.g. MSP-limited computer selectors that make each new computer there a §3.10 gain.
   */
  public void removeAssignmentsOf(UUID userId) {
    write(() -> jdbc.sql("delete from role_assignment where user_id = ?").param(userId).update());
  }

  public Http http(UUID tid, UUID oid) {
    String port = env.getRequiredProperty("local.server.port");
    return new Http("http://localhost:" + port, TestOidc.token(tid, oid, oid + "@example.com"));
  }

  private UUID insertAssignment(Principal principal, Grant g) {
    UUID id = UUID.randomUUID();
    Map<String, Object> p = new HashMap<>(ScopeColumns.of(g.scope()).params());
    p.put("id", id);
    p.put("userId", principal instanceof Principal.UserPrincipal ? principal.id() : null);
    p.put("groupId", principal instanceof Principal.GroupPrincipal ? principal.id() : null);
    p.put("roleId", g.roleId());
    p.put("effect", g.effect().name());
    jdbc.sql(
            "insert into role_assignment (id, user_id, group_id, role_id, effect, "
                + ScopeColumns.COLUMNS
                + ") values (:id, :userId, :groupId, :roleId, :effect, "
                + ScopeColumns.VALUES
                + ")")
        .params(p)
        .update();
    return id;
  }

  /** Runs SQL in a committed transaction (the policy store catches up on commit). */
  public <T> T writeAndGet(java.util.function.Supplier<T> work) {
    return tx.execute(status -> work.get());
  }

  public void write(Runnable work) {
    tx.executeWithoutResult(status -> work.run());
  }
}
