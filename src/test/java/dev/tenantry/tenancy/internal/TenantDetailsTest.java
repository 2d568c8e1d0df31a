package dev.tenantry.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.internal.PolicyStore;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import dev.tenantry.tenancy.TenantView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read model behind {@code GET /api/v1/tenants/{id}} ({@link TenantDetails}) answers exactly
 * what the database answers ({@link TenantReader#findCounted}), for callers who see everything, a
 * tag's tenants, or computers through a resource selector only, after random changes made behind
 * its back (SQL) and applied through the policy feed. Every answer is cached before each change, so
 * a change the feed failed to announce would show as a stale answer.
 */
class TenantDetailsTest extends IntegrationTest {
  @Autowired TenantDetails details;
  @Autowired TenantReader reader;
  @Autowired TenantAccess access;
  @Autowired PolicyStore store;

  @Test
  void cachedTenantAnswersEqualTheDatabasesAfterRandomChanges() {
    Random random = new Random(20261130);
    UUID root = testUsers.clientTenant("details-root");
    UUID other = testUsers.clientTenant("details-other");
    UUID seen = testUsers.tag("details-seen");
    UUID pcTag = testUsers.tag("details-pc");
    List<UUID> parents = List.of(root, other);
    List<UUID> tenants = new ArrayList<>(List.of(root, other));
    for (int i = 0; i < 5; i++) {
      tenants.add(testUsers.tenant("details-child" + i, parents.get(i % 2), false));
    }
    testUsers.tagTenant(root, seen);
    List<UUID> computers = new ArrayList<>();
    for (UUID t : tenants) {
      computers.add(testUsers.computer(t, ComputerType.WORKSTATION));
      computers.add(testUsers.computer(t, ComputerType.SERVER, pcTag));
    }
    UUID home = testUsers.mspTenant();
    List<TestUser> callers =
        List.of(
            testUsers.mspAdmin(),
            testUsers.user(
                home, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenantTag(seen))),
            testUsers.user(
                home,
                Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(other, true)),
                Grant.allow(
                    BuiltInRoles.ADMINISTRATOR_LEGACY.id(),
                    Scope.resource(new ResourceSelector.ComputerTag(pcTag, null)))));
    store.catchUp();
    int checked = 0;
    for (int step = 0; step < 60; step++) {
      tenants.forEach(t -> callers.forEach(u -> cached(u, t))); // fill the read model
      change(random, tenants, parents, computers, seen, pcTag);
      store.catchUp();
      for (UUID t : tenants) {
        for (TestUser u : callers) {
          Optional<TenantView> fromDb = as(u, () -> reader.findCounted(t, access));
          assertThat(cached(u, t)).as("step %d, tenant %s", step, t).isEqualTo(fromDb);
          checked++;
        }
      }
    }
    System.out.println("tenant_details_answers_compared=" + checked);
  }

  private Optional<TenantView> cached(TestUser u, UUID tenant) {
    return as(u, () -> details.find(tenant, access));
  }

  private void change(
      Random random,
      List<UUID> tenants,
      List<UUID> parents,
      List<UUID> computers,
      UUID seen,
      UUID pcTag) {
    UUID t = tenants.get(random.nextInt(tenants.size()));
    UUID child = tenants.get(2 + random.nextInt(tenants.size() - 2));
    switch (random.nextInt(10)) {
      case 0 -> sql("update tenant set name = name || 'x', version = version + 1 where id = ?", t);
      case 1 -> sql("update tenant set description = ? where id = ?", "d" + random.nextInt(), t);
      case 2 -> sql("update tenant set active = not active where id = ?", t);
      case 3 ->
          sql(
              "update tenant set parent_id = ? where id = ?",
              parents.get(random.nextInt(parents.size())),
              child);
      case 4 ->
          sql(
              "insert into tenant_tag (tenant_id, tag_id) values (?, ?) on conflict do nothing",
              t,
              seen);
      case 5 -> sql("delete from tenant_tag where tenant_id = ? and tag_id = ?", t, seen);
      case 6 -> sql("update tag set name = name || 'y', version = version + 1 where id = ?", seen);
      case 7 ->
          computers.add(
              testUsers.computer(
                  t,
                  ComputerType.PORTABLE,
                  random.nextBoolean() ? new UUID[] {pcTag} : new UUID[0]));
      case 8 -> {
        UUID pc = computers.get(random.nextInt(computers.size()));
        sql("update computer set tenant_id = ? where id = ?", t, pc);
      }
      default -> {
        if (computers.size() > 1) {
          sql(
              "delete from computer where id = ?",
              computers.remove(random.nextInt(computers.size())));
        }
      }
    }
  }

  private void sql(String statement, Object... params) {
    jdbc.sql(statement).params(params).update();
  }

  private static <T> T as(TestUser u, java.util.function.Supplier<T> work) {
    return Actors.runAs(new Actor(u.id(), "test", null, "test", ""), work);
  }
}
