package dev.tenantry.authz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a random sequence of committed changes, each caught up incrementally, the store's snapshot
 * equals a fresh full load entity by entity (seeded, so a failure can be replayed), lists in the
 * same order: a list's order is defined by its contents, not by the order rows were read in.
 */
class IncrementalEqualsFullLoadTest extends IntegrationTest {
  @Autowired TestUsers users;
  @Autowired PolicyStore store;
  @Autowired PolicyConnections db;

  @Test
  void incrementalCatchUpEqualsAFreshFullLoad() throws Exception {
    // replay a failure with -Dtenantry.seed=N
    long seed = Long.getLong("tenantry.seed", System.nanoTime());
    Random rnd = new Random(seed);
    List<UUID> tenants =
        new ArrayList<>(List.of(users.clientTenant("inc"), users.clientTenant("inc")));
    List<UUID> tags = List.of(users.tag("inc"), users.tag("inc"));
    List<UUID> computers = new ArrayList<>();
    List<UUID> people = new ArrayList<>();
    List<UUID> roles = new ArrayList<>();
    UUID group = UUID.randomUUID();
    users.write(
        () ->
            jdbc.sql("insert into user_group (id, name) values (?, ?)")
                .params(group, "inc-" + group)
                .update());
    for (int step = 0; step < 60; step++) {
      UUID t = tenants.get(rnd.nextInt(tenants.size()));
      switch (rnd.nextInt(9)) {
        case 0 -> tenants.add(users.tenant("inc", t, false));
        case 1 ->
            users.write(
                () ->
                    jdbc.sql("insert into tenant_tag values (?, ?) on conflict do nothing")
                        .params(t, tags.get(rnd.nextInt(2)))
                        .update());
        case 2 ->
            users.write(
                () -> jdbc.sql("delete from tenant_tag where tenant_id = ?").param(t).update());
        case 3 ->
            computers.add(
                users.computer(t, ComputerType.values()[rnd.nextInt(4)], tags.get(rnd.nextInt(2))));
        case 4 -> {
          if (!computers.isEmpty())
            users.write(
                () ->
                    jdbc.sql("update computer set tenant_id = ?, type = 'SERVER' where id = ?")
                        .params(t, computers.get(rnd.nextInt(computers.size())))
                        .update());
        }
        case 5 -> {
          UUID r = UUID.randomUUID();
          users.write(
              () ->
                  jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
                      .params(
                          r, "inc-" + r, new String[] {Permission.values()[rnd.nextInt(40)].key()})
                      .update());
          roles.add(r);
        }
        case 6 -> people.add(users.user(t).id());
        case 7 -> {
          if (!people.isEmpty() && !roles.isEmpty()) {
            try {
              users.assign(
                  Principal.user(people.get(rnd.nextInt(people.size()))),
                  Grant.allow(
                      roles.get(rnd.nextInt(roles.size())),
                      rnd.nextBoolean() ? Scope.tenant(t, true) : Scope.usersTenant()));
            } catch (org.springframework.dao.DuplicateKeyException identical) {
              // identical assignments exist once (DESIGN 3.6j, V50): nothing changed
            }
          }
        }
        default -> {
          if (!people.isEmpty())
            users.write(
                () ->
                    jdbc.sql("insert into group_member values (?, ?) on conflict do nothing")
                        .params(group, people.get(rnd.nextInt(people.size())))
                        .update());
        }
      }
    }
    PolicySnapshot incremental = store.snapshot();
    PolicySnapshot full;
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      full = SnapshotLoader.loadAll(c, 0);
      c.commit();
    }
    assertThat(new HashSet<>(incremental.tenants()))
        .as("seed %d", seed)
        .isEqualTo(new HashSet<>(full.tenants()));
    for (UUID id : computers) {
      assertThat(incremental.computer(id)).as("seed %d", seed).isEqualTo(full.computer(id));
    }
    for (UUID id : people) {
      assertThat(incremental.user(id)).as("seed %d", seed).isEqualTo(full.user(id));
      assertThat(incremental.directAssignments(id))
          .as("seed %d", seed)
          .isEqualTo(full.directAssignments(id));
    }
    for (UUID id : roles) {
      assertThat(incremental.role(id)).as("seed %d", seed).isEqualTo(full.role(id));
    }
    assertThat(incremental.group(group)).as("seed %d", seed).isEqualTo(full.group(group));
  }
}
