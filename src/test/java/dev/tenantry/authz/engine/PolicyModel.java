package dev.tenantry.authz.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The policy inputs as plain maps: what {@link ReferenceEvaluator} reads and what a snapshot is
 * built from.
 */
final class PolicyModel {
  final Map<UUID, TenantNode> tenants = new LinkedHashMap<>();
  final Map<UUID, ComputerNode> computers = new LinkedHashMap<>();
  final Map<UUID, UserNode> users = new LinkedHashMap<>();
  final Map<UUID, GroupNode> groups = new LinkedHashMap<>();
  final Map<UUID, RoleNode> roles = new LinkedHashMap<>();
  final Map<UUID, AssignmentNode> assignments = new LinkedHashMap<>();

  PolicyModel copy() {
    PolicyModel m = new PolicyModel();
    m.tenants.putAll(tenants);
    m.computers.putAll(computers);
    m.users.putAll(users);
    m.groups.putAll(groups);
    m.roles.putAll(roles);
    m.assignments.putAll(assignments);
    return m;
  }

  /** The same semantics as {@link PolicySnapshot#withChanges}, written the obvious way. */
  void apply(PolicyChange c) {
    switch (c) {
      case PolicyChange.UpsertTenant(TenantNode n) -> tenants.put(n.id(), n);
      case PolicyChange.RemoveTenant(UUID id) -> tenants.remove(id);
      case PolicyChange.SetTenantTags(UUID id, var tags) ->
          tenants.computeIfPresent(
              id, (k, n) -> new TenantNode(n.id(), n.parentId(), n.mspId(), n.kind(), tags));
      case PolicyChange.UpsertComputer(ComputerNode n) -> computers.put(n.id(), n);
      case PolicyChange.RemoveComputer(UUID id) -> computers.remove(id);
      case PolicyChange.SetComputerTags(UUID id, var tags) ->
          computers.computeIfPresent(
              id, (k, n) -> new ComputerNode(n.id(), n.tenantId(), n.type(), tags));
      case PolicyChange.UpsertUser(UserNode n) -> users.put(n.id(), n);
      case PolicyChange.RemoveUser(UUID id) -> users.remove(id);
      case PolicyChange.UpsertGroup(GroupNode n) -> groups.put(n.id(), n);
      case PolicyChange.RemoveGroup(UUID id) -> groups.remove(id);
      case PolicyChange.UpsertRole(RoleNode n) -> roles.put(n.id(), n);
      case PolicyChange.RemoveRole(UUID id) -> roles.remove(id);
      case PolicyChange.UpsertAssignment(AssignmentNode n) -> assignments.put(n.id(), n);
      case PolicyChange.RemoveAssignment(UUID id) -> assignments.remove(id);
    }
  }

  void applyAll(List<PolicyChange> changes) {
    changes.forEach(this::apply);
  }

  PolicySnapshot toSnapshot(long revision) {
    PolicySnapshot.Builder b = PolicySnapshot.builder(revision);
    // deliberately referencing before defining: assignments first, tenants last
    assignments.values().forEach(b::assignment);
    groups.values().forEach(b::group);
    users.values().forEach(b::user);
    roles.values().forEach(b::role);
    computers.values().forEach(b::computer);
    tenants.values().forEach(b::tenant);
    return b.build();
  }
}
