package dev.tenantry.authz.access;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.UserAssignment;
import dev.tenantry.authz.UserChange;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.FullAdmins;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.UserNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The access-change rules of DESIGN §3.6 (anti-escalation, lock-out) and §5 (impersonation) for
 * other features, over this node's policy snapshot at {@link Authorizer#now()}: they ask here, in
 * the public types of {@code dev.tenantry.authz}, and never see the engine's.
 */
@Component
public class AccessChangeRules {
  private final Authorizer authz;
  private final AntiEscalation antiEscalation = new AntiEscalation(Engine.INSTANCE);

  AccessChangeRules(Authorizer authz) {
    this.authz = authz;
  }

  /**
   * DESIGN §5 by reach: may {@code impersonatorId} act as {@code targetId} until {@code until}?
   * users:impersonate, the target may not impersonate, and everything the target holds the
   * impersonator holds too, for as long as the session lasts.
   */
  public Decision canImpersonate(UUID impersonatorId, UUID targetId, Instant until) {
    return antiEscalation.canImpersonate(
        authz.snapshot(), impersonatorId, targetId, until, authz.now());
  }

  /**
   * DESIGN §3.6e for other features (deployments, §8): whether the user holds {@code p}, un-denied,
   * over everything {@code scope} can ever cover (its reach), not just what it covers today.
   */
  public boolean holdsOverReach(UUID userId, Permission p, Scope scope) {
    return antiEscalation.holdsOverReach(
        authz.snapshot(), userId, p, scope, Principal.user(userId), authz.now());
  }

  /**
   * The first permission that {@code targetId} holds through an active ALLOW assignment (direct or
   * through a group) which {@code impersonatorId} does not hold over everything that assignment's
   * scope can ever cover; empty when there is none.
   */
  public Optional<Permission> firstHeldBeyondReach(UUID impersonatorId, UUID targetId) {
    PolicySnapshot s = authz.snapshot();
    List<AssignmentNode> theirs = new ArrayList<>(s.directAssignments(targetId));
    s.groupsOf(targetId).forEach(g -> theirs.addAll(s.groupAssignments(g.id())));
    for (AssignmentNode a : theirs) {
      if (a.effect() != Effect.ALLOW || !a.activeAt(authz.now())) {
        continue;
      }
      for (Permission p : s.role(a.roleId()).map(RoleNode::permissions).orElse(Set.of())) {
        if (!antiEscalation.holdsOverReach(
            s, impersonatorId, p, a.scope(), Principal.user(targetId), authz.now())) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Anti-escalation (DESIGN §3.6 a–f) for approving access: may {@code actorId} grant {@code
   * roleId} at the scope, as ALLOW, to a user about to be created, whose access ends at {@code
   * expires} (null: never)? An unknown role answers UNKNOWN_OBJECT.
   */
  public Decision canApprove(UUID actorId, UUID roleId, Scope scope, @Nullable Instant expires) {
    return antiEscalation.canCreate(
        authz.snapshot(),
        actorId,
        Principal.user(UUID.randomUUID()),
        roleId,
        scope,
        Effect.ALLOW,
        expires,
        authz.now());
  }

  /**
   * 6g: may {@code actorId} change this user's enabled flag or access expiry, or delete them? Each
   * grant removed (disabling, deleting, shortening) or granted anew ({@code enabling}, extending
   * until {@code until}) is judged.
   */
  public Decision canChangeUser(
      UUID actorId, UUID userId, boolean enabling, @Nullable Instant until) {
    return antiEscalation.canChangeUser(
        authz.snapshot(), actorId, userId, enabling, until, authz.now());
  }

  /** 6h: would the change leave the instance without a full administrator? */
  public boolean wouldLockOut(UserChange change) {
    PolicySnapshot s = authz.snapshot();
    PolicyChange policyChange =
        switch (change) {
          case UserChange.Removed r -> new PolicyChange.RemoveUser(r.userId());
          case UserChange.StandingChanged c ->
              new PolicyChange.UpsertUser(
                  new UserNode(c.userId(), c.tenantId(), c.enabled(), c.accessExpiresAt()));
        };
    return FullAdmins.locksOut(s, s.withChanges(s.revision(), List.of(policyChange)), authz.now());
  }

  /** The users who are full administrators now (DESIGN §3.6h). */
  public List<UUID> fullAdmins() {
    return FullAdmins.of(authz.snapshot(), authz.now());
  }

  /** The user's direct assignments, as this node's snapshot knows them. */
  public List<UserAssignment> directAssignments(UUID userId) {
    return authz.snapshot().directAssignments(userId).stream()
        .map(a -> new UserAssignment(a.id(), a.roleId(), a.effect(), a.scope(), a.expiresAt()))
        .toList();
  }

  /** The ids of the groups the user is a member of, as this node's snapshot knows them. */
  public List<UUID> groupIdsOf(UUID userId) {
    return authz.snapshot().groupsOf(userId).stream().map(GroupNode::id).toList();
  }
}
