package dev.tenantry.bench;

import dev.tenantry.authz.BuiltInRoles;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The callers of the HTTP benchmark, added by SQL to the bulk-loaded instance: an OWNER
 * administrator (System Administrator (Legacy) @OWNER) and a technician who sees half the client
 * tenants through a tag scope (Administrator (Legacy) @TENANT_TAG of a tag on every other client
 * tenant), both people of the first MSP tenant and users of the home Entra directory.
 */
record BenchUsers(
    UUID adminId,
    UUID adminOid,
    UUID techId,
    UUID techOid,
    UUID someTenant,
    long visibleToTech,
    long computers) {
  static final UUID HOME = UUID.fromString("11111111-1111-4111-8111-111111111111");

  static UUID oid(String name) {
    return UUID.nameUUIDFromBytes(("bench-" + name).getBytes(StandardCharsets.UTF_8));
  }

  /** The callers of an instance loaded by an earlier run ({@code -Dbench.http.keep}), if any. */
  static java.util.Optional<BenchUsers> existing(DataSource ds) {
    JdbcClient jdbc = JdbcClient.create(ds);
    var ids =
        jdbc.sql(
                "select id from app_user where entra_object_id in (?, ?) order by entra_object_id = ?")
            .params(oid("admin"), oid("tech"), oid("tech"))
            .query(UUID.class)
            .list();
    if (ids.size() != 2) {
      return java.util.Optional.empty();
    }
    UUID tag = jdbc.sql("select id from tag where name = 'bench-half'").query(UUID.class).single();
    jdbc.sql("delete from visible_tenant_set_head").update(); // stored again as in a fresh run
    return java.util.Optional.of(summary(jdbc, ids.get(0), ids.get(1), tag));
  }

  static BenchUsers create(DataSource ds) {
    JdbcClient jdbc = JdbcClient.create(ds);
    UUID msp =
        jdbc.sql("select id from tenant where kind = 'MSP' order by id limit 1")
            .query(UUID.class)
            .single();
    UUID admin = UUID.randomUUID();
    UUID tech = UUID.randomUUID();
    user(jdbc, admin, msp, "admin", "Bench", "Admin");
    user(jdbc, tech, msp, "tech", "Bench", "Technician");
    UUID tag = UUID.randomUUID();
    jdbc.sql("insert into tag (id, name) values (?, 'bench-half')").param(tag).update();
    jdbc.sql(
            """
        insert into tenant_tag (tenant_id, tag_id)
        select id, ? from (select id, row_number() over (order by id) n
                             from tenant where kind = 'CLIENT') t where n % 2 = 0
        """)
        .param(tag)
        .update();
    assign(jdbc, admin, BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), "OWNER", null);
    assign(jdbc, tech, BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "TENANT_TAG", tag);
    jdbc.sql("vacuum analyze").update();
    return summary(jdbc, admin, tech, tag);
  }

  private static BenchUsers summary(JdbcClient jdbc, UUID admin, UUID tech, UUID tag) {
    UUID some =
        jdbc.sql(
                "select tenant_id from tenant_tag where tag_id = ? order by tenant_id offset 100 limit 1")
            .param(tag)
            .query(UUID.class)
            .single();
    long visible =
        jdbc.sql("select count(*) from tenant_tag where tag_id = ?")
            .param(tag)
            .query(Long.class)
            .single();
    long computers = jdbc.sql("select count(*) from computer").query(Long.class).single();
    return new BenchUsers(admin, oid("admin"), tech, oid("tech"), some, visible, computers);
  }

  private static void user(JdbcClient jdbc, UUID id, UUID tenant, String name, String g, String f) {
    jdbc.sql(
            "insert into person (id, tenant_id, given_name, family_name, email, source)"
                + " values (?, ?, ?, ?, ?, 'MANUAL')")
        .params(id, tenant, g, f, name + "@bench.example")
        .update();
    jdbc.sql(
            "insert into app_user (id, person_id, kind, enabled, entra_tenant_id, entra_object_id)"
                + " values (?, ?, 'PERSON', true, ?, ?)")
        .params(id, id, HOME, oid(name))
        .update();
  }

  private static void assign(JdbcClient jdbc, UUID user, UUID role, String kind, UUID tag) {
    jdbc.sql(
            "insert into role_assignment (id, user_id, role_id, effect, scope_kind, scope_tag_id)"
                + " values (?, ?, ?, 'ALLOW', ?, ?)")
        .params(UUID.randomUUID(), user, role, kind, tag)
        .update();
  }
}
