package dev.tenantry.authz.engine;

import java.util.Set;
import java.util.UUID;

/**
 * One committed change to the policy inputs, applied by {@link PolicySnapshot#withChanges}. Upserts
 * carry the full node; removals carry the id. Removing something absent is a no-op, so replaying a
 * change is harmless.
 */
public sealed interface PolicyChange {

  record UpsertTenant(TenantNode tenant) implements PolicyChange {}

  record RemoveTenant(UUID tenantId) implements PolicyChange {}

  /**
   * Replaces a tenant's tags (TENANT_TAG scopes follow at once); ignored if the tenant is absent.
   */
  record SetTenantTags(UUID tenantId, Set<UUID> tagIds) implements PolicyChange {}

  record UpsertComputer(ComputerNode computer) implements PolicyChange {}

  record RemoveComputer(UUID computerId) implements PolicyChange {}

  /** Replaces a computer's tags; ignored if the computer is absent. */
  record SetComputerTags(UUID computerId, Set<UUID> tagIds) implements PolicyChange {}

  record UpsertUser(UserNode user) implements PolicyChange {}

  record RemoveUser(UUID userId) implements PolicyChange {}

  record UpsertGroup(GroupNode group) implements PolicyChange {}

  record RemoveGroup(UUID groupId) implements PolicyChange {}

  record UpsertRole(RoleNode role) implements PolicyChange {}

  record RemoveRole(UUID roleId) implements PolicyChange {}

  record UpsertAssignment(AssignmentNode assignment) implements PolicyChange {}

  record RemoveAssignment(UUID assignmentId) implements PolicyChange {}
}
