package dev.tenantry.authz.engine;

import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.TenantKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A principal's assignment list (and an explanation's matches) is ordered by what it holds, not by
 * the order the rows arrived in: a node that loaded everything at once (the heap's order) and one
 * that caught up change by change (the feed's order, or an index's within one batch) must list and
 * explain the same assignments in the same order (IncrementalEqualsFullLoadTest failed under load
 * on exactly this).
 */
class AssignmentOrderTest {
  private static final UUID MSP = id("msp");
  private static final UUID ROLE = id("viewer");

  private static List<PolicyChange> entities() {
    return List.of(
        new PolicyChange.UpsertTenant(new TenantNode(MSP, null, MSP, TenantKind.MSP, Set.of())),
        new PolicyChange.UpsertUser(new UserNode(id("alice"), MSP, true, null)),
        new PolicyChange.UpsertRole(new RoleNode(ROLE, Set.of(Permission.TENANTS_VIEW), null)),
        new PolicyChange.UpsertGroup(new GroupNode(id("g1"), null, Set.of(id("alice")))),
        new PolicyChange.UpsertGroup(new GroupNode(id("g2"), null, Set.of(id("alice")))),
        new PolicyChange.UpsertGroup(new GroupNode(id("g3"), null, Set.of(id("alice")))));
  }

  private static List<PolicyChange> assignments() {
    List<PolicyChange> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      out.add(upsert(Principal.user(id("alice")), i, null));
      out.add(upsert(Principal.group(id("g" + (1 + i % 3))), 10 + i, null));
    }
    return out;
  }

  private static PolicyChange upsert(Principal p, int n, java.time.Instant expires) {
    Effect effect = n % 2 == 0 ? Effect.ALLOW : Effect.DENY;
    return new PolicyChange.UpsertAssignment(
        new AssignmentNode(id("asg-" + n), p, ROLE, Scope.owner(), effect, expires));
  }

  @Test
  void assignmentListsAndExplanationsDoNotDependOnLoadOrder() {
    Random rnd = new Random(7);
    PolicySnapshot first = null;
    for (int round = 0; round < 20; round++) {
      List<PolicyChange> entities = new ArrayList<>(entities());
      List<PolicyChange> asgs = assignments();
      Collections.shuffle(entities, rnd);
      Collections.shuffle(asgs, rnd);
      PolicySnapshot s;
      if (round % 2 == 0) { // a full load: everything through one builder
        PolicySnapshot.Builder b = PolicySnapshot.builder(1);
        entities.forEach(b::apply);
        asgs.forEach(b::apply);
        s = b.build();
      } else { // a catch-up: change by change on an older snapshot
        s = PolicySnapshot.builder(0).build().withChanges(1, entities);
        for (PolicyChange c : asgs) {
          s = s.withChanges(s.revision() + 1, List.of(c));
        }
      }
      List<AssignmentNode> direct = s.directAssignments(id("alice"));
      assertThat(direct).isSortedAccordingTo(Comparator.comparing(AssignmentNode::id));
      if (first == null) {
        first = s;
        continue;
      }
      assertThat(direct).isEqualTo(first.directAssignments(id("alice")));
      assertThat(s.groupsOf(id("alice"))).isEqualTo(first.groupsOf(id("alice")));
      assertThat(s.groupsOf(id("alice"))).isSortedAccordingTo(Comparator.comparing(GroupNode::id));
      for (String g : List.of("g1", "g2", "g3")) {
        assertThat(s.groupAssignments(id(g))).isEqualTo(first.groupAssignments(id(g)));
      }
      assertThat(explain(s)).isEqualTo(explain(first));
    }
  }

  @Test
  void anEditedAssignmentKeepsItsPlace() {
    PolicySnapshot.Builder b = PolicySnapshot.builder(1);
    entities().forEach(b::apply);
    assignments().forEach(b::apply);
    PolicySnapshot s = b.build();
    List<UUID> before = s.directAssignments(id("alice")).stream().map(AssignmentNode::id).toList();
    PolicySnapshot edited =
        s.withChanges(2, List.of(upsert(Principal.user(id("alice")), 0, NOW.plusSeconds(3600))));
    assertThat(edited.directAssignments(id("alice")).stream().map(AssignmentNode::id))
        .containsExactlyElementsOf(before);
    assertThat(edited.assignment(id("asg-0")).orElseThrow().expiresAt())
        .isEqualTo(NOW.plusSeconds(3600));
  }

  private static Explanation explain(PolicySnapshot s) {
    return Engine.INSTANCE.explain(
        s, id("alice"), Permission.TENANTS_VIEW, Target.tenant(MSP), NOW);
  }
}
