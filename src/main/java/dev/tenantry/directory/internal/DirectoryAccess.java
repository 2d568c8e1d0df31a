package dev.tenantry.directory.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every access decision of the directory goes through this class, and only through it.
 *
 * <p>Until the authorization engine arrives every authenticated caller is allowed (the security
 * filter chain already refuses unauthenticated calls). Wiring the engine replaces the bodies of
 * {@link #allows} and of the two list filters — nothing else in the directory changes.
 *
 * <p>Contract kept by callers: an object is loaded first, then checked; an object the caller may not
 * view answers 404 exactly like a missing one, and a visible object the caller may not change
 * answers 403. Lists never check row by row: they apply {@link #visiblePeopleTenants()} and {@link
 * #visibleComputerFilter()} in SQL.
 */
@Component
public class DirectoryAccess {

  /** What is asked for; becomes the authz Permission catalogue when it exists. */
  enum Need {
    PEOPLE_VIEW,
    PEOPLE_MANAGE,
    COMPUTERS_VIEW,
    COMPUTERS_MANAGE,
    COMPUTERS_DELETE,
    COMPUTERS_CHANGE_TENANT
  }

  public void requireViewPerson(UUID tenantId, UUID personId) {
    if (!allows(Need.PEOPLE_VIEW, tenantId, null)) {
      throw ApiException.notFound("person", personId);
    }
  }

  public void requireViewPeople(UUID tenantId) {
    if (!allows(Need.PEOPLE_VIEW, tenantId, null)) {
      throw ApiException.notFound("tenant", tenantId);
    }
  }

  public void requireManagePeople(UUID tenantId) {
    requireViewPeople(tenantId);
    if (!allows(Need.PEOPLE_MANAGE, tenantId, null)) {
      throw ApiException.forbidden("You may not manage the people of tenant " + tenantId);
    }
  }

  /** For batch operations that report invisible computers as missing rather than throwing. */
  public boolean canViewComputer(UUID tenantId, UUID computerId) {
    return allows(Need.COMPUTERS_VIEW, tenantId, computerId);
  }

  public void requireViewComputer(UUID tenantId, UUID computerId) {
    if (!canViewComputer(tenantId, computerId)) {
      throw ApiException.notFound("computer", computerId);
    }
  }

  /** Creating a computer in a tenant: there is no computer id yet. */
  public void requireCreateComputer(UUID tenantId) {
    if (!allows(Need.COMPUTERS_MANAGE, tenantId, null)) {
      throw ApiException.forbidden("You may not create computers in tenant " + tenantId);
    }
  }

  public void requireManageComputer(UUID tenantId, UUID computerId) {
    requireViewComputer(tenantId, computerId);
    if (!allows(Need.COMPUTERS_MANAGE, tenantId, computerId)) {
      throw ApiException.forbidden("You may not change computer " + computerId);
    }
  }

  public void requireDeleteComputer(UUID tenantId, UUID computerId) {
    requireViewComputer(tenantId, computerId);
    if (!allows(Need.COMPUTERS_DELETE, tenantId, computerId)) {
      throw ApiException.forbidden("You may not delete computer " + computerId);
    }
  }

  /** Moving needs the right on the computer where it is and on the tenant it goes to. */
  public void requireChangeTenant(UUID from, UUID to, UUID computerId) {
    requireViewComputer(from, computerId);
    if (!allows(Need.COMPUTERS_CHANGE_TENANT, from, computerId)
        || !allows(Need.COMPUTERS_CHANGE_TENANT, to, null)) {
      throw ApiException.forbidden(
          "You may not move computer " + computerId + " from tenant " + from + " to tenant " + to);
    }
  }

  /** The tenants whose people the caller may list; null means every tenant. */
  public @Nullable Set<UUID> visiblePeopleTenants() {
    return null;
  }

  /** The computers the caller may list, as an SQL-applicable filter; null means every computer. */
  public @Nullable ComputerVisibility visibleComputerFilter() {
    return null;
  }

  /** The one decision point; the authz engine wiring replaces this body. */
  private boolean allows(Need need, UUID tenantId, @Nullable UUID computerId) {
    return true;
  }
}
