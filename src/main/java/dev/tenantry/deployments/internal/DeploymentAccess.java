package dev.tenantry.deployments.internal;

import static dev.tenantry.authz.Permission.CROSS_TENANT_DEPLOYMENTS_MANAGE;
import static dev.tenantry.authz.Permission.CROSS_TENANT_DEPLOYMENTS_REQUEST_CHANGE;
import static dev.tenantry.authz.Permission.CROSS_TENANT_DEPLOYMENTS_VIEW;
import static dev.tenantry.authz.Permission.DEPLOYMENTS_DELETE;
import static dev.tenantry.authz.Permission.DEPLOYMENTS_MANAGE;
import static dev.tenantry.authz.Permission.DEPLOYMENTS_MANAGE_CHANGE_REQUESTS;
import static dev.tenantry.authz.Permission.DEPLOYMENTS_MANAGE_INDIVIDUAL;
import static dev.tenantry.authz.Permission.DEPLOYMENTS_VIEW;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.AccessChangeRules;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.directory.Computers;
import dev.tenantry.directory.People;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.Preferences;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see and change deployments (DESIGN §8, docs/deployments.md). Changes are judged by reach
 * (§3.6e): the caller must hold the permissions over every computer and tenant the target can ever
 * resolve to. On top of RBAC, the two application preferences of seed 003 (§4): "Allow Non-Admin
 * Users to Manage Deployments" and "Require Change Requests for Non-Admin Cross-Tenant
 * Deployments". Every method names the user it judges, so that an approver's own rights can be
 * judged too.
 */
@Component
class DeploymentAccess {
  static final String MANAGE_PREFERENCE = "legacy.allowNonAdminsToManageDeployments";
  static final String MANAGE_PREFERENCE_NAME = "Allow Non-Admin Users to Manage Deployments";
  static final String CHANGE_REQUEST_PREFERENCE =
      "legacy.requireChangeRequestsForCrossTenantDeployments";

  /** How a change may be made. */
  enum Mode {
    DIRECT,
    CHANGE_REQUEST
  }

  enum Action {
    WRITE,
    DELETE
  }

  private final Authorizer authorizer;
  private final AccessChangeRules rules;
  private final Preferences preferences;
  private final Tenants tenants;
  private final Computers computers;
  private final People people;

  DeploymentAccess(
      Authorizer authorizer,
      AccessChangeRules rules,
      Preferences preferences,
      Tenants tenants,
      Computers computers,
      People people) {
    this.authorizer = authorizer;
    this.rules = rules;
    this.preferences = preferences;
    this.tenants = tenants;
    this.computers = computers;
    this.people = people;
  }

  /**
   * Where the target lies; 404 exactly like a random id when what it names does not exist or the
   * user may not view deployments there.
   */
  Placement place(UUID user, DeploymentTarget target) {
    Placement p =
        switch (target) {
          case DeploymentTarget.Computer c -> {
            var computer =
                computers
                    .find(c.computerId())
                    .orElseThrow(() -> ApiException.notFound("computer", c.computerId()));
            yield new Placement(
                target,
                computer.tenantId(),
                mspOf(computer.tenantId()),
                Scope.resource(new ResourceSelector.OneComputer(c.computerId())),
                Target.computer(c.computerId()));
          }
          case DeploymentTarget.Person x -> {
            var person =
                people
                    .find(x.personId())
                    .orElseThrow(() -> ApiException.notFound("person", x.personId()));
            yield new Placement(
                target,
                person.tenantId(),
                mspOf(person.tenantId()),
                Scope.tenant(person.tenantId(), false),
                Target.tenant(person.tenantId()));
          }
          case DeploymentTarget.Tenant t -> {
            UUID msp =
                tenants
                    .find(t.tenantId())
                    .map(TenantView::mspId)
                    .orElseThrow(() -> ApiException.notFound("tenant", t.tenantId()));
            yield new Placement(
                target,
                t.tenantId(),
                msp,
                Scope.tenant(t.tenantId(), t.includeChildren()),
                Target.tenant(t.tenantId()));
          }
          case DeploymentTarget.TenantTag g -> {
            if (tenants.tagNames(List.of(g.tagId())).isEmpty()) {
              throw ApiException.notFound("tag", g.tagId());
            }
            yield multiTenant(target, g.mspId(), Scope.tenantTag(g.tagId(), g.mspId()));
          }
          case DeploymentTarget.CrossTenant x ->
              multiTenant(
                  target, x.mspId(), x.mspId() == null ? Scope.owner() : Scope.msp(x.mspId()));
        };
    if (!canView(user, p.viewTarget(), target.crossTenant())) {
      throw switch (target) {
        case DeploymentTarget.Computer c -> ApiException.notFound("computer", c.computerId());
        case DeploymentTarget.Person x -> ApiException.notFound("person", x.personId());
        case DeploymentTarget.Tenant t -> ApiException.notFound("tenant", t.tenantId());
        case DeploymentTarget.TenantTag g ->
            g.mspId() == null
                ? ApiException.forbidden(
                    "You need 'deployments:view' and 'cross-tenant-deployments:view' for the whole"
                        + " instance to target every tenant carrying a tag")
                : ApiException.notFound("tenant", g.mspId());
        case DeploymentTarget.CrossTenant x ->
            x.mspId() == null
                ? ApiException.forbidden(
                    "You need 'deployments:view' and 'cross-tenant-deployments:view' for the whole"
                        + " instance to target every tenant")
                : ApiException.notFound("tenant", x.mspId());
      };
    }
    return p;
  }

  private Placement multiTenant(DeploymentTarget target, @Nullable UUID msp, Scope reach) {
    if (msp != null && !tenants.find(msp).map(TenantView::isMsp).orElse(false)) {
      throw ApiException.notFound("MSP tenant", msp);
    }
    return new Placement(
        target, msp, msp, reach, msp == null ? Target.system() : Target.tenant(msp));
  }

  private @Nullable UUID mspOf(UUID tenantId) {
    return tenants.find(tenantId).map(TenantView::mspId).orElse(null);
  }

  /** deployments:view where the deployment lies; cross-tenant ones also need the cross view. */
  boolean canView(UUID user, Target where, boolean crossTenant) {
    return authorizer.check(user, DEPLOYMENTS_VIEW, where).allowed()
        && (!crossTenant || authorizer.check(user, CROSS_TENANT_DEPLOYMENTS_VIEW, where).allowed());
  }

  /** The authz target of an existing deployment's owner (a computer target: its computer). */
  static Target viewTarget(Deployment d) {
    DeploymentTarget t = d.deploymentTarget();
    if (t instanceof DeploymentTarget.Computer c) {
      return Target.computer(c.computerId());
    }
    return d.ownerTenantId() == null ? Target.system() : Target.tenant(d.ownerTenantId());
  }

  boolean canView(UUID user, Deployment d) {
    return canView(user, viewTarget(d), d.deploymentTarget().crossTenant());
  }

  /**
   * How {@code user} may make this change at {@code p}: directly, or as a change request; throws
   * 403 saying what is missing when neither.
   */
  Mode judge(UUID user, Placement p, boolean enforced, Action action) {
    Optional<Problem> problem = directProblem(user, p, enforced, action);
    if (problem.isEmpty()) {
      return Mode.DIRECT;
    }
    if (!problem.get().preference() && mayRequest(user, p)) {
      return Mode.CHANGE_REQUEST;
    }
    throw ApiException.forbidden(problem.get().message());
  }

  /** Why a direct change is refused: a missing permission, or the preference gate. */
  private record Problem(String message, boolean preference) {}

  /** An edit is judged at the old and at the new place; a change request if either needs one. */
  Mode judgeEdit(UUID user, Placement before, Placement after, boolean enforced) {
    Mode old = judge(user, before, false, Action.WRITE);
    Mode now = judge(user, after, enforced, Action.WRITE);
    return old == Mode.DIRECT && now == Mode.DIRECT ? Mode.DIRECT : Mode.CHANGE_REQUEST;
  }

  /** Throws 403 unless the user may make the change directly (approvers, appliers). */
  void requireDirect(UUID user, Placement p, boolean enforced, Action action) {
    directProblem(user, p, enforced, action)
        .ifPresent(
            problem -> {
              throw ApiException.forbidden(problem.message());
            });
  }

  private Optional<Problem> directProblem(UUID user, Placement p, boolean enforced, Action action) {
    DeploymentTarget t = p.target();
    List<Permission> needed;
    if (t.crossTenant()) {
      needed =
          List.of(
              action == Action.DELETE ? DEPLOYMENTS_DELETE : DEPLOYMENTS_MANAGE,
              CROSS_TENANT_DEPLOYMENTS_MANAGE);
    } else if (t.individual() && !enforced) {
      Permission main = action == Action.DELETE ? DEPLOYMENTS_DELETE : DEPLOYMENTS_MANAGE;
      needed =
          holds(user, main, p) || !holds(user, DEPLOYMENTS_MANAGE_INDIVIDUAL, p)
              ? List.of(main)
              : List.of(DEPLOYMENTS_MANAGE_INDIVIDUAL);
    } else {
      needed = List.of(action == Action.DELETE ? DEPLOYMENTS_DELETE : DEPLOYMENTS_MANAGE);
    }
    for (Permission perm : needed) {
      if (!holds(user, perm, p)) {
        String alt =
            t.individual() && perm != DEPLOYMENTS_MANAGE_INDIVIDUAL && !enforced
                ? " (or '" + DEPLOYMENTS_MANAGE_INDIVIDUAL.key() + "')"
                : "";
        return Optional.of(
            new Problem(
                "You need the permission '"
                    + perm.key()
                    + "'"
                    + alt
                    + " "
                    + p.describeReach()
                    + (enforced && t.individual() ? " to enforce a deployment" : "")
                    + " to do this",
                false));
      }
    }
    if (!preferences.applicationFlag(MANAGE_PREFERENCE) && !admin(user, needed.getFirst(), p)) {
      return Optional.of(
          new Problem(
              "The application preference '"
                  + MANAGE_PREFERENCE_NAME
                  + "' is off: only administrators (holding '"
                  + needed.getFirst().key()
                  + "' for the whole instance or the target's MSP), or holders of the role '"
                  + BuiltInRoles.DEPLOYMENT_MANAGER.name()
                  + "', may change deployments",
              true));
    }
    return Optional.empty();
  }

  /** DESIGN §4: holds the permission at OWNER or at the MSP of the target, or via the role. */
  private boolean admin(UUID user, Permission perm, Placement p) {
    if (authorizer.check(user, perm, Target.globalObject(p.mspId())).allowed()) {
      return true;
    }
    return authorizer.explain(user, perm, p.viewTarget()).allows().stream()
        .map(MatchedAssignment::roleId)
        .anyMatch(BuiltInRoles.DEPLOYMENT_MANAGER.id()::equals);
  }

  /**
   * A change request instead: a cross-tenant change by someone who manages deployments over the
   * reach but not cross-tenant ones while the preference requires change requests, or by a holder
   * of the change-requester permission over the reach.
   */
  private boolean mayRequest(UUID user, Placement p) {
    if (p.target().crossTenant()) {
      return (preferences.applicationFlag(CHANGE_REQUEST_PREFERENCE)
              && holds(user, DEPLOYMENTS_MANAGE, p))
          || holds(user, CROSS_TENANT_DEPLOYMENTS_REQUEST_CHANGE, p);
    }
    return holds(user, DEPLOYMENTS_MANAGE_CHANGE_REQUESTS, p);
  }

  private boolean holds(UUID user, Permission perm, Placement p) {
    return rules.holdsOverReach(user, perm, p.reach());
  }
}
