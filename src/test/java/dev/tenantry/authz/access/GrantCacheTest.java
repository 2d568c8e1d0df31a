package dev.tenantry.authz.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.TenantGrants;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.engine.UserNode;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The per-(snapshot, user, permission) cache of grants never answers for another instant's grants.
 */
class GrantCacheTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Permission P = Permission.TENANTS_VIEW;
  final UUID msp = UUID.randomUUID();
  final UUID a = UUID.randomUUID();
  final UUID b = UUID.randomUUID();
  final UUID c = UUID.randomUUID();
  final UUID user = UUID.randomUUID();
  final UUID group = UUID.randomUUID();
  final UUID role = UUID.randomUUID();
  final GrantCache cache = new GrantCache();
  final AtomicInteger computed = new AtomicInteger();

  @Test
  void grantsAreComputedOncePerSnapshotUserAndPermission() {
    PolicySnapshot s = snapshot(1, null, null, null);
    assertThat(grants(s, NOW).tenantIds()).containsExactlyInAnyOrder(a, b);
    assertThat(grants(s, NOW.plusSeconds(3600)).tenantIds()).containsExactlyInAnyOrder(a, b);
    assertThat(computed).hasValue(1);
    cache.get(s, user, Permission.COMPUTERS_VIEW, NOW, () -> compute(s, NOW));
    assertThat(computed).as("another permission is another entry").hasValue(2);
  }

  @Test
  void aNewerSnapshotStartsOverAndAnOlderOneIsNeverAnsweredFromTheCache() {
    PolicySnapshot older = snapshot(1, null, null, null);
    PolicySnapshot newer = snapshot(2, null, null, NOW.minusSeconds(1)); // b's grant expired
    assertThat(grants(older, NOW).tenantIds()).containsExactlyInAnyOrder(a, b);
    assertThat(grants(newer, NOW).tenantIds()).containsExactly(a);
    assertThat(grants(older, NOW).tenantIds())
        .as("a request still on the older snapshot gets that snapshot's answer")
        .containsExactlyInAnyOrder(a, b);
    assertThat(grants(newer, NOW).tenantIds()).containsExactly(a);
    assertThat(computed).as("the older snapshot is computed afresh, the newer once").hasValue(3);
  }

  @Test
  void anEntryEndsAtTheFirstExpiryOfTheUsersAccessOrOfTheirOrTheirGroupsAssignments() {
    PolicySnapshot s = snapshot(1, NOW.plusSeconds(30), NOW.plusSeconds(10), NOW.plusSeconds(20));
    assertThat(grants(s, NOW).tenantIds()).containsExactlyInAnyOrder(a, b);
    assertThat(grants(s, NOW.plusSeconds(9)).tenantIds()).containsExactlyInAnyOrder(a, b);
    assertThat(computed).hasValue(1);
    assertThat(grants(s, NOW.plusSeconds(10)).tenantIds())
        .as("the direct assignment on a expired")
        .containsExactly(b);
    assertThat(grants(s, NOW.plusSeconds(20)).tenantIds())
        .as("the group's assignment on b expired")
        .isEmpty();
    assertThat(grants(s, NOW.plusSeconds(25)).isNothing()).isTrue();
    assertThat(computed).as("the empty answer holds until the access expiry").hasValue(3);
    assertThat(GrantCache.nextChange(s, user, NOW.plusSeconds(20))).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void aRequestWhoseClockIsBehindTheEntryComputesAfresh() {
    PolicySnapshot s = snapshot(1, null, NOW.plusSeconds(10), null);
    assertThat(grants(s, NOW.plusSeconds(10)).tenantIds()).containsExactly(b);
    assertThat(grants(s, NOW).tenantIds()).containsExactlyInAnyOrder(a, b);
  }

  private TenantGrants grants(PolicySnapshot s, Instant now) {
    return cache.get(s, user, P, now, () -> compute(s, now)).grants;
  }

  private TenantGrants compute(PolicySnapshot s, Instant now) {
    computed.incrementAndGet();
    return Engine.INSTANCE.tenantsWith(s, user, P, now);
  }

  /**
   * The user (access until {@code accessUntil}) holds P on a directly (until {@code directUntil}),
   * on b through a group (until {@code groupUntil}), never on c.
   */
  private PolicySnapshot snapshot(
      long revision,
      @Nullable Instant accessUntil,
      @Nullable Instant directUntil,
      @Nullable Instant groupUntil) {
    return PolicySnapshot.builder(revision)
        .tenant(new TenantNode(msp, null, msp, TenantKind.MSP, Set.of()))
        .tenant(new TenantNode(a, msp, msp, TenantKind.CLIENT, Set.of()))
        .tenant(new TenantNode(b, msp, msp, TenantKind.CLIENT, Set.of()))
        .tenant(new TenantNode(c, msp, msp, TenantKind.CLIENT, Set.of()))
        .user(new UserNode(user, msp, true, accessUntil))
        .group(new GroupNode(group, msp, Set.of(user)))
        .role(new RoleNode(role, Set.of(P, Permission.COMPUTERS_VIEW), null))
        .assignment(
            new AssignmentNode(
                UUID.randomUUID(),
                Principal.user(user),
                role,
                Scope.tenant(a, false),
                Effect.ALLOW,
                directUntil))
        .assignment(
            new AssignmentNode(
                UUID.randomUUID(),
                Principal.group(group),
                role,
                Scope.tenant(b, false),
                Effect.ALLOW,
                groupUntil))
        .build();
  }
}
