package dev.tenantry.directory.internal;

import static dev.tenantry.authz.Permission.*;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every access decision of the directory goes through this class, and only through it, to the
 * authorization engine.
 *
 * <p>Contract kept by callers: an object is loaded first, then checked; an object the caller may
 * not view answers 404 exactly like a missing one, and a visible object the caller may not change
 * answers 403. Lists never check row by row: they apply {@link #visiblePeopleTenants()} and {@link
 * #visibleComputerFilter()} in SQL.
 */
@Component
public class DirectoryAccess {
  private final Authorizer authz;

  DirectoryAccess(Authorizer authz) {
    this.authz = authz;
  }

  public void requireViewPerson(UUID tenantId, UUID personId) {
    if (!onTenant(PEOPLE_VIEW, tenantId)) {
      throw ApiException.notFound("person", personId);
    }
  }

  public void requireViewPeople(UUID tenantId) {
    if (!onTenant(PEOPLE_VIEW, tenantId)) {
      throw ApiException.notFound("tenant", tenantId);
    }
  }

  public void requireManagePeople(UUID tenantId) {
    requireViewPeople(tenantId);
    authz.require(PEOPLE_MANAGE, Target.tenant(tenantId));
  }

  public void requireDeletePeople(UUID tenantId) {
    requireViewPeople(tenantId);
    authz.require(PEOPLE_DELETE, Target.tenant(tenantId));
  }

  /** For batch operations that report invisible computers as missing rather than throwing. */
  public boolean canViewComputer(UUID tenantId, UUID computerId) {
    return onComputer(COMPUTERS_VIEW, computerId);
  }

  public void requireViewComputer(UUID tenantId, UUID computerId) {
    if (!canViewComputer(tenantId, computerId)) {
      throw ApiException.notFound("computer", computerId);
    }
  }

  /** Creating a computer in a tenant: there is no computer id yet, so the tenant decides. */
  public void requireCreateComputer(UUID tenantId) {
    if (!onTenant(TENANTS_VIEW, tenantId) && !onTenant(COMPUTERS_VIEW, tenantId)) {
      throw ApiException.notFound("tenant", tenantId);
    }
    authz.require(COMPUTERS_MANAGE, Target.tenant(tenantId));
  }

  public void requireManageComputer(UUID tenantId, UUID computerId) {
    requireViewComputer(tenantId, computerId);
    authz.require(COMPUTERS_MANAGE, Target.computer(computerId));
  }

  public void requireDeleteComputer(UUID tenantId, UUID computerId) {
    requireViewComputer(tenantId, computerId);
    authz.require(COMPUTERS_DELETE, Target.computer(computerId));
  }

  /** Tagging a computer changes what computer-tag resource scopes select: {@code tags:assign}. */
  public void requireTagComputer(UUID tenantId, UUID computerId) {
    requireViewComputer(tenantId, computerId);
    authz.require(TAGS_ASSIGN, Target.computer(computerId));
  }

  public void requireTagPerson(UUID tenantId, UUID personId) {
    requireViewPerson(tenantId, personId);
    authz.require(TAGS_ASSIGN, Target.tenant(tenantId));
  }

  /** Moving needs the right on the computer where it is and on the tenant it goes to. */
  public void requireChangeTenant(UUID from, UUID to, UUID computerId) {
    requireViewComputer(from, computerId);
    if (!onTenant(TENANTS_VIEW, to) && !onTenant(COMPUTERS_VIEW, to)) {
      throw ApiException.notFound("tenant", to);
    }
    authz.require(COMPUTERS_CHANGE_TENANT, Target.computer(computerId));
    authz.require(COMPUTERS_CHANGE_TENANT, Target.tenant(to));
  }

  /** The tenants whose people the caller may list. 403 without a user. */
  public VisibleTenants visiblePeopleTenants() {
    authz.requireUser();
    return authz.tenants(PEOPLE_VIEW).visible();
  }

  /** The computers the caller may list, as an SQL predicate over the alias {@code c}. */
  public SqlPredicate visibleComputerFilter() {
    authz.requireUser();
    return authz.computers(COMPUTERS_VIEW).sql("c");
  }

  private boolean onTenant(Permission p, UUID tenantId) {
    return authz.check(p, Target.tenant(tenantId)).allowed();
  }

  private boolean onComputer(Permission p, UUID computerId) {
    return authz.check(p, Target.computer(computerId)).allowed();
  }
}
