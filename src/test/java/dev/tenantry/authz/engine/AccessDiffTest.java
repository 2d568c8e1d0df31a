package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.COMPUTERS_VIEW;
import static dev.tenantry.authz.Permission.TENANTS_VIEW;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.AccessGain;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN §3.10: what a structural change newly grants, computed from two snapshots. */
class AccessDiffTest {
  private final AccessDiff diff = new AccessDiff();

  private World world() {
    return new World()
        .msp("msp")
        .client("a", "msp")
        .client("b", "msp")
        .client("p", "msp")
        .computer("a-srv", "a", ComputerType.SERVER)
        .user("tech", "msp")
        .user("other", "msp")
        .role("viewer", TENANTS_VIEW, COMPUTERS_VIEW);
  }

  private static AccessDiff.Changed tenants(String... names) {
    return new AccessDiff.Changed(ids(names), Set.of(), Set.of(), Set.of());
  }

  private static Set<UUID> ids(String... names) {
    return java.util.Arrays.stream(names)
        .map(World::id)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static TenantNode node(String name, String parent, String... tags) {
    return new TenantNode(
        id(name), parent == null ? null : id(parent), id("msp"), TenantKind.CLIENT, ids(tags));
  }

  private AccessChangeList run(
      PolicySnapshot before, AccessDiff.Changed changed, PolicyChange... c) {
    return diff.compute(before, before.withChanges(2, List.of(c)), changed, NOW).list();
  }

  @Test
  void movingATenantUnderAChildrenScopeListsTheHolderOnThatTenant() {
    PolicySnapshot s = world().allow("tech", "viewer", Scope.tenant(id("p"), true)).snapshot();

    AccessChangeList list = run(s, tenants("a"), new PolicyChange.UpsertTenant(node("a", "p")));

    assertThat(list.rows())
        .extracting(AccessGain::principalId, AccessGain::targetId, AccessGain::targetType)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(id("tech"), id("a"), "TENANT"));
    assertThat(list.rows()) // one row per permission subject
        .flatExtracting(AccessGain::permissions)
        .containsExactlyInAnyOrder("computers:view", "tenants:view");
    assertThat(list.users()).isEqualTo(1);
    assertThat(list.grants()).isEqualTo(2);
  }

  @Test
  void movingATenantOutFromUnderADenyIsAGainThroughTheAllow() {
    PolicySnapshot s =
        world()
            .client("c", "p")
            .allow("tech", "viewer", Scope.owner())
            .deny("tech", "viewer", Scope.tenant(id("p"), true))
            .snapshot();

    AccessChangeList list = run(s, tenants("c"), new PolicyChange.UpsertTenant(node("c", "msp")));

    assertThat(list.rows()).extracting(AccessGain::targetId).containsOnly(id("c"));
    assertThat(list.rows().get(0).scope()).isEqualTo("OWNER");
  }

  @Test
  void liftingADenyOffAComputerSelectedByAResourceScopeIsAGainOnThatComputer() {
    PolicySnapshot s =
        world()
            .client("c", "p")
            .computer("c-srv", "c", ComputerType.SERVER)
            .computer("c-ws", "c", ComputerType.WORKSTATION)
            .allow(
                "tech",
                "viewer",
                Scope.resource(
                    new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), null)))
            .deny("tech", "viewer", Scope.tenant(id("p"), true))
            .snapshot();

    AccessChangeList list = run(s, tenants("c"), new PolicyChange.UpsertTenant(node("c", "msp")));

    assertThat(list.rows())
        .extracting(AccessGain::targetId, AccessGain::targetType)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(id("c-srv"), "COMPUTER"));
  }

  @Test
  void anEmptyTenantCreatedUnderAParentIsNotAWideningButItsTagsAre() {
    PolicySnapshot s =
        world()
            .allow("tech", "viewer", Scope.tenant(id("p"), true))
            .allow("other", "viewer", Scope.tenantTag(id("vip")))
            .snapshot();

    AccessChangeList bare = run(s, tenants("new"), new PolicyChange.UpsertTenant(node("new", "p")));
    AccessChangeList tagged =
        run(s, tenants("new"), new PolicyChange.UpsertTenant(node("new", "p", "vip")));

    assertThat(bare.isEmpty()).isTrue();
    assertThat(tagged.rows()).extracting(AccessGain::principalId).containsOnly(id("other"));
  }

  @Test
  void aNewComputerIsAGainOnlyThroughResourceSelectors() {
    PolicySnapshot s =
        world()
            .allow("tech", "viewer", Scope.tenant(id("a"), false))
            .allow(
                "other",
                "viewer",
                Scope.resource(
                    new ResourceSelector.ComputerTypes(
                        Set.of(ComputerType.DOMAIN_CONTROLLER), null)))
            .snapshot();
    UUID dc = UUID.randomUUID();

    AccessChangeList list =
        diff.compute(
                s,
                s.withChanges(
                    2,
                    List.of(
                        new PolicyChange.UpsertComputer(
                            new ComputerNode(
                                dc, id("a"), ComputerType.DOMAIN_CONTROLLER, Set.of())))),
                new AccessDiff.Changed(Set.of(), Set.of(dc), Set.of(), Set.of()),
                NOW)
            .list();

    assertThat(list.rows())
        .extracting(AccessGain::principalId, AccessGain::targetType, AccessGain::newTarget)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(id("other"), "COMPUTER", true));
    assertThat(list.rows())
        .flatExtracting(AccessGain::permissions)
        .containsExactlyInAnyOrder("computers:view", "tenants:view");
  }

  @Test
  void theDigestIsStableAndNamesTheList() {
    PolicySnapshot s = world().allow("tech", "viewer", Scope.tenant(id("p"), true)).snapshot();
    PolicyChange move = new PolicyChange.UpsertTenant(node("a", "p"));

    AccessChangeList first = run(s, tenants("a"), move);
    AccessChangeList again = run(s, tenants("a"), move);
    AccessChangeList other = run(s, tenants("b"), new PolicyChange.UpsertTenant(node("b", "p")));

    assertThat(again.digest()).isEqualTo(first.digest());
    assertThat(first.acceptedBy(first.digest().toUpperCase())).isTrue();
    assertThat(other.digest()).isNotEqualTo(first.digest());
    assertThat(first.acceptedBy(other.digest())).isFalse();
    assertThat(first.acceptedBy(null)).isFalse();
  }

  @Test
  void aCreatedComputerHasTheSameDigestOnEveryAttempt() {
    PolicySnapshot s =
        world()
            .allow(
                "other",
                "viewer",
                Scope.resource(
                    new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), id("a"))))
            .snapshot();
    String[] digests = new String[2];
    for (int i = 0; i < 2; i++) {
      UUID pc = UUID.randomUUID();
      digests[i] =
          diff.compute(
                  s,
                  s.withChanges(
                      2,
                      List.of(
                          new PolicyChange.UpsertComputer(
                              new ComputerNode(pc, id("a"), ComputerType.SERVER, Set.of())))),
                  new AccessDiff.Changed(Set.of(), Set.of(pc), Set.of(), Set.of()),
                  NOW)
              .list()
              .digest();
    }
    assertThat(digests[1]).isEqualTo(digests[0]);
  }

  @Test
  void atMostAThousandRowsAreListedButAllAreCounted() {
    World w = world().allow("tech", "viewer", Scope.tenant(id("p"), true));
    for (int i = 0; i < 1_100; i++) {
      w.client("t" + i, "msp");
    }
    PolicySnapshot s = w.snapshot();
    PolicyChange[] moves = new PolicyChange[1_100];
    String[] names = new String[1_100];
    for (int i = 0; i < moves.length; i++) {
      names[i] = "t" + i;
      moves[i] = new PolicyChange.UpsertTenant(node(names[i], "p"));
    }

    AccessChangeList list = run(s, tenants(names), moves);

    assertThat(list.rows()).hasSize(AccessChangeList.LIMIT);
    assertThat(list.totalRows()).isEqualTo(2 * 1_100); // two subjects per tenant
    assertThat(list.truncated()).isTrue();
    assertThat(list.targets()).isEqualTo(1_100);
  }
}
