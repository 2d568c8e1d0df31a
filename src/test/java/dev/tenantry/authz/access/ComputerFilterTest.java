package dev.tenantry.authz.access;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static dev.tenantry.support.TestUsers.Grant.deny;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SQL rendered by {@link ComputerFilter} and {@link TenantFilter} selects exactly what the
 * engine allows.
 */
class ComputerFilterTest extends AuthzTestBase {
  @Autowired Authorizer authz;

  @Test
  void computerFilterSelectsExactlyTheComputersTheEngineAllows() {
    // an MSP of its own: its MSP-limited selectors below must not reach the shared MSP, where they
    // would make later classes' computers §3.10 gains
    UUID msp = users.tenant("cf-msp", null, true);
    UUID a = users.tenant("cf-a", msp, false);
    UUID b = users.tenant("cf-b", msp, false);
    UUID msp2 = users.tenant("cf-msp2", null, true);
    UUID c = users.tenant("cf-c", msp2, false);
    UUID vip = users.tag("vip");
    List<UUID> pcs = new ArrayList<>();
    for (UUID t : List.of(a, b, c, msp2)) {
      for (ComputerType type : ComputerType.values()) {
        pcs.add(users.computer(t, type));
        pcs.add(users.computer(t, type, vip));
      }
    }
    UUID view = role(Permission.COMPUTERS_VIEW);
    List<Grant[]> cases =
        List.of(
            new Grant[] {allow(view, Scope.tenant(a, false))},
            new Grant[] {allow(view, Scope.owner()), deny(view, Scope.tenant(b, false))},
            new Grant[] {
              allow(
                  view,
                  Scope.resource(
                      new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), b)))
            },
            new Grant[] {
              allow(view, Scope.tenant(a, false)),
              allow(view, Scope.resource(new ResourceSelector.ComputerTag(vip, null))),
              deny(
                  view,
                  Scope.resource(
                      new ResourceSelector.ComputerTypes(Set.of(ComputerType.PORTABLE), null)))
            },
            new Grant[] {allow(view, Scope.resource(new ResourceSelector.OneComputer(pcs.get(3))))},
            new Grant[] { // MSP-limited selectors: the computers of the MSP's tenants only
              allow(view, Scope.resource(new ResourceSelector.ComputerTag(vip, null, msp2))),
              allow(
                  view,
                  Scope.resource(
                      new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), null, msp))),
              deny(
                  view,
                  Scope.resource(
                      new ResourceSelector.ComputerTypes(
                          Set.of(ComputerType.PORTABLE), null, msp2)))
            },
            new Grant[] {
              allow(view, Scope.owner()),
              deny(view, Scope.resource(new ResourceSelector.ComputerTag(vip, null, msp)))
            },
            new Grant[] {});
    for (Grant[] grants : cases) {
      TestUser u = users.user(a, grants);
      Set<UUID> expected = new HashSet<>();
      for (UUID pc : pcs) {
        if (authz.check(u.id(), Permission.COMPUTERS_VIEW, Target.computer(pc)).allowed()) {
          expected.add(pc);
        }
      }
      SqlPredicate p = as(u, () -> authz.computers(Permission.COMPUTERS_VIEW).sql("c"));
      Set<UUID> selected =
          new HashSet<>(
              jdbc.sql("select c.id from computer c where c.id = any(:pcs) and " + p.sql())
                  .params(p.params())
                  .param("pcs", pcs.toArray(UUID[]::new))
                  .query(UUID.class)
                  .list());
      assertThat(selected).as(p.sql()).isEqualTo(expected);
    }
  }

  @Test
  void tenantFilterSelectsExactlyTheTenantsTheEngineAllows() {
    UUID a = users.clientTenant("tf-a");
    UUID child = users.tenant("tf-child", a, false);
    UUID b = users.clientTenant("tf-b");
    TestUser u =
        users.user(
            a,
            allow(role(Permission.TENANTS_VIEW), Scope.tenant(a, true)),
            deny(role(Permission.TENANTS_VIEW), Scope.tenant(child, false)));
    SqlPredicate p = as(u, () -> authz.tenants(Permission.TENANTS_VIEW).sql("t.id"));
    List<UUID> selected =
        jdbc.sql("select t.id from tenant t where t.id = any(:ids) and " + p.sql())
            .params(p.params())
            .param("ids", new UUID[] {a, child, b})
            .query(UUID.class)
            .list();
    assertThat(selected).containsExactly(a);
  }

  private static <T> T as(TestUser u, java.util.function.Supplier<T> work) {
    return Actors.runAs(new Actor(u.id(), "test", null, "test", ""), work);
  }
}
