package dev.tenantry.security;

import dev.tenantry.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For {@link ConsoleRouteMatrixTest}: one object of every kind a console picker offers, owned by
 * one tenant and named with a marker, keyed by the picker's last path segment ({@code
 * /pickers/computers} → {@code computers}).
 */
record PickerFixtures(TestUsers users, JdbcClient jdbc) {

  /**
   * The fixture a picker is checked with: its last path segment; the library's owner pickers
   * ({@code scripts-owners}, …) offer tenants.
   */
  /**
   * Pickers over an instance-wide catalogue (tags: no owner tenant): they offer it by permission
   * ({@code tags:view} at any scope), not by tenant, so an object "of a hidden tenant" does not
   * exist for them; {@code TagPickerTest} proves who is offered what.
   */
  static final java.util.Set<String> CATALOGUES = java.util.Set.of("tags");

  static String key(String segment) {
    return segment.endsWith("-owners") ? "tenants" : segment;
  }

  /** Seeds the tenant's objects (the tenant's own name holds {@code name}); returns their ids. */
  Map<String, List<UUID>> seed(UUID tenant, String name) {
    Map<String, List<UUID>> ids = new LinkedHashMap<>();
    ids.put("tenants", List.of(tenant));
    users.write(
        () -> {
          UUID msp = UUID.randomUUID(); // an MSP below the tenant: the MSP pickers' object
          jdbc.sql(
                  "insert into tenant (id, name, slug, kind, parent_id, msp_id)"
                      + " values (?, ?, ?, 'MSP', ?, ?)")
              .params(msp, name + "Msp", "msp-" + msp, tenant, msp)
              .update();
          ids.put("msps", List.of(msp));

          UUID computer = UUID.randomUUID();
          jdbc.sql("insert into computer (id, tenant_id, name, type) values (?, ?, ?, 'SERVER')")
              .params(computer, tenant, name + "-pc")
              .update();
          ids.put("computers", List.of(computer));

          UUID person = person(tenant, name);
          UUID user = UUID.randomUUID();
          jdbc.sql(
                  "insert into app_user (id, person_id, entra_tenant_id, entra_object_id)"
                      + " values (?, ?, ?, ?)")
              .params(user, person, UUID.randomUUID(), UUID.randomUUID())
              .update();
          ids.put("users", List.of(user));
          ids.put("promotable-people", List.of(person(tenant, name + "Promotable")));

          UUID group = UUID.randomUUID();
          jdbc.sql("insert into user_group (id, name, owner_tenant_id) values (?, ?, ?)")
              .params(group, name + " group", tenant)
              .update();
          ids.put("groups", List.of(group));

          UUID role = UUID.randomUUID();
          jdbc.sql(
                  "insert into role (id, name, owner_tenant_id, permissions)"
                      + " values (?, ?, ?, array['computers:view'])")
              .params(role, name + " role", tenant)
              .update();
          ids.put("roles", List.of(role));

          UUID script = UUID.randomUUID();
          jdbc.sql(
                  "insert into script (id, owner_tenant_id, name, language)"
                      + " values (?, ?, ?, 'POWERSHELL')")
              .params(script, tenant, name + " script")
              .update();
          jdbc.sql(
                  "insert into script_version (id, script_id, number, language, body)"
                      + " values (?, ?, 1, 'POWERSHELL', 'echo 1')")
              .params(UUID.randomUUID(), script)
              .update();
          ids.put("scripts", List.of(script));

          UUID software = UUID.randomUUID();
          jdbc.sql("insert into software (id, owner_tenant_id, name) values (?, ?, ?)")
              .params(software, tenant, name + " software")
              .update();
          ids.put("software", List.of(software));
          UUID task = UUID.randomUUID();
          jdbc.sql("insert into maintenance_task (id, owner_tenant_id, name) values (?, ?, ?)")
              .params(task, tenant, name + " task")
              .update();
          ids.put("deployables", List.of(software, task));

          UUID tag = UUID.randomUUID();
          jdbc.sql("insert into tag (id, name) values (?, ?)").params(tag, name + " tag").update();
          ids.put("tags", List.of(tag));
        });
    return ids;
  }

  private UUID person(UUID tenant, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into person (id, tenant_id, given_name, family_name, email, azure_object_id,"
                + " source) values (?, ?, ?, 'Picker', ?, ?, 'AZURE')")
        .params(id, tenant, name, name.toLowerCase() + "@example.com", UUID.randomUUID())
        .update();
    return id;
  }
}
