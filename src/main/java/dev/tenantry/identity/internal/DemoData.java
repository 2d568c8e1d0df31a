package dev.tenantry.identity.internal;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First-run demo data for the embedded default with the local provider: only when the local
 * provider is enabled and there are no users yet. Plain SQL on purpose (it runs once, before any
 * feature API is there to call, and must not depend on them): links the MSP tenant (created by the
 * tenancy feature at first start) to the home Entra tenant, makes an MSP admin that signs in as
 * "admin" with the built-in System Administrator (Legacy) role at OWNER scope, an integration user
 * "automation" without roles (app-only tokens of {@code ./tenantry token automation --app}), and
 * adds three client tenants with a few people and computers.
 */
@Component
class DemoData {
  static final UUID SYSTEM_ADMIN_ROLE = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private final JdbcClient jdbc;
  private final OidcProperties props;

  DemoData(JdbcClient jdbc, OidcProperties props) {
    this.jdbc = jdbc;
    this.props = props;
  }

  @EventListener(ApplicationReadyEvent.class)
  @org.springframework.core.annotation.Order(
      org.springframework.core.Ordered.LOWEST_PRECEDENCE) // after tenancy's first-start set-up
  @Transactional
  public void seed() {
    if (!props.localProvider().enabled()
        || jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single()) {
      return;
    }
    var msp =
        jdbc.sql("select id from tenant where kind = 'MSP' order by created_at limit 1")
            .query(UUID.class)
            .optional();
    if (msp.isEmpty()) {
      log.info("No MSP tenant yet; demo data skipped");
      return;
    }
    UUID mspId = msp.get();
    UUID home = props.homeTenantId();
    jdbc.sql("update tenant set azure_tenant_id = ? where id = ? and azure_tenant_id is null")
        .params(home, mspId)
        .update();
    jdbc.sql(
            """
        insert into role (id, name, built_in, permissions) values (?, 'System Administrator (Legacy)', true, '{}')
        on conflict do nothing
        """)
        .param(SYSTEM_ADMIN_ROLE)
        .update();
    UUID admin =
        person(mspId, "Ada", "Admin", "admin@msp.example", LocalIdentities.oidFor("admin"));
    UUID user = UUID.randomUUID();
    jdbc.sql(
            "insert into app_user (id, person_id, entra_tenant_id, entra_object_id) values (?, ?, ?, ?)")
        .params(user, admin, home, LocalIdentities.oidFor("admin"))
        .update();
    jdbc.sql(
            """
        insert into role_assignment (id, user_id, role_id, effect, scope_kind) values (?, ?, ?, 'ALLOW', 'OWNER')
        """)
        .params(UUID.randomUUID(), user, SYSTEM_ADMIN_ROLE)
        .update();
    UUID app =
        person(
            mspId,
            "Automation",
            "(demo app)",
            "automation@msp.example",
            LocalIdentities.oidFor(LocalIdentities.DEMO_APP));
    jdbc.sql(
            """
        insert into app_user (id, person_id, kind, entra_tenant_id, entra_object_id)
        values (?, ?, 'INTEGRATION', ?, ?)
        """)
        .params(UUID.randomUUID(), app, home, LocalIdentities.oidFor(LocalIdentities.DEMO_APP))
        .update();
    for (String name : List.of("Contoso", "Fabrikam", "Northwind")) {
      client(mspId, name);
    }
    log.warn("Demo data created: sign in at the local provider with the user name 'admin'");
  }

  private void client(UUID mspId, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into tenant (id, name, slug, kind, parent_id, msp_id) values (?, ?, ?, 'CLIENT', ?, ?)")
        .params(id, name, name.toLowerCase(), mspId, mspId)
        .update();
    UUID alice =
        person(id, "Alice", name, "alice@" + name.toLowerCase() + ".example", UUID.randomUUID());
    person(id, "Bob", name, "bob@" + name.toLowerCase() + ".example", UUID.randomUUID());
    jdbc.sql(
            "insert into computer (id, tenant_id, name, type, primary_person_id) values (?, ?, ?, 'WORKSTATION', ?)")
        .params(UUID.randomUUID(), id, name.toUpperCase() + "-WS01", alice)
        .update();
    jdbc.sql("insert into computer (id, tenant_id, name, type) values (?, ?, ?, 'SERVER')")
        .params(UUID.randomUUID(), id, name.toUpperCase() + "-SRV01")
        .update();
  }

  private UUID person(UUID tenant, String given, String family, String email, UUID oid) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
        insert into person (id, tenant_id, given_name, family_name, email, azure_object_id, source)
        values (?, ?, ?, ?, ?, ?, 'AZURE')
        """)
        .params(id, tenant, given, family, email, oid)
        .update();
    return id;
  }
}
