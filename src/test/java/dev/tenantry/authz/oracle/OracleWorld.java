package dev.tenantry.authz.oracle;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.engine.UserNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The oracle's own model of an instance (DESIGN §1–§2): plain mutable records, copied before every
 * change, with the structural changes a full administrator can make (§3.10). It feeds the rules
 * under test through {@link #snapshot()} and is evaluated by {@link DefinitionAccess}, never by the
 * engine.
 */
final class OracleWorld {
  record Tenant(UUID id, @Nullable UUID parent, UUID msp, TenantKind kind, Set<UUID> tags) {}

  record Computer(UUID id, UUID tenant, ComputerType type, Set<UUID> tags) {}

  record User(UUID id, @Nullable UUID tenant, boolean enabled, @Nullable Instant accessExpires) {
    boolean activeAt(Instant t) {
      return enabled && tenant != null && (accessExpires == null || t.isBefore(accessExpires));
    }
  }

  record Group(UUID id, @Nullable UUID owner, Set<UUID> members) {}

  record Role(UUID id, Set<Permission> perms, @Nullable UUID owner) {}

  final Map<UUID, Tenant> tenants = new LinkedHashMap<>();
  final Map<UUID, Computer> computers = new LinkedHashMap<>();
  final Map<UUID, User> users = new LinkedHashMap<>();
  final Map<UUID, Group> groups = new LinkedHashMap<>();
  final Map<UUID, Role> roles = new LinkedHashMap<>();
  final Map<UUID, AssignmentNode> assignments = new LinkedHashMap<>();

  OracleWorld copy() {
    OracleWorld w = new OracleWorld();
    w.tenants.putAll(tenants);
    w.computers.putAll(computers);
    w.users.putAll(users);
    w.groups.putAll(groups);
    w.roles.putAll(roles);
    w.assignments.putAll(assignments);
    return w;
  }

  PolicySnapshot snapshot() {
    var b = PolicySnapshot.builder(1);
    tenants.values().forEach(t -> b.tenant(new TenantNode(t.id, t.parent, t.msp, t.kind, t.tags)));
    computers.values().forEach(c -> b.computer(new ComputerNode(c.id, c.tenant, c.type, c.tags)));
    users.values().forEach(u -> b.user(new UserNode(u.id, u.tenant, u.enabled, u.accessExpires)));
    groups.values().forEach(g -> b.group(new GroupNode(g.id, g.owner, g.members)));
    roles.values().forEach(r -> b.role(new RoleNode(r.id, r.perms, r.owner)));
    assignments.values().forEach(b::assignment);
    return b.build();
  }

  /** t is a proper ancestor of x. */
  boolean ancestor(UUID t, UUID x) {
    Tenant cur = tenants.get(x);
    for (int i = 0; cur != null && cur.parent != null && i <= tenants.size(); i++) {
      if (cur.parent.equals(t)) {
        return true;
      }
      cur = tenants.get(cur.parent);
    }
    return false;
  }

  /** The user's assignments: direct ones and those of every group they belong to (§3.2). */
  List<AssignmentNode> assignmentsOf(UUID user) {
    List<AssignmentNode> out = new ArrayList<>();
    for (AssignmentNode a : assignments.values()) {
      if (a.principal() instanceof Principal.UserPrincipal(UUID u) && u.equals(user)) {
        out.add(a);
      } else if (a.principal() instanceof Principal.GroupPrincipal(UUID g)
          && groups.containsKey(g)
          && groups.get(g).members.contains(user)) {
        out.add(a);
      }
    }
    return out;
  }

  // ---- structural changes by a full administrator (§3.10) ----

  void tagTenant(UUID t, UUID tag, boolean on) {
    Tenant x = tenants.get(t);
    tenants.put(t, new Tenant(x.id, x.parent, x.msp, x.kind, toggled(x.tags, tag, on)));
  }

  void tagComputer(UUID c, UUID tag, boolean on) {
    Computer x = computers.get(c);
    computers.put(c, new Computer(x.id, x.tenant, x.type, toggled(x.tags, tag, on)));
  }

  void createTenant(UUID id, UUID parent, Set<UUID> tags) {
    tenants.put(id, new Tenant(id, parent, tenants.get(parent).msp, TenantKind.CLIENT, tags));
  }

  void createComputer(UUID id, UUID tenant, ComputerType type, Set<UUID> tags) {
    computers.put(id, new Computer(id, tenant, type, tags));
  }

  void changeType(UUID c, ComputerType type) {
    Computer x = computers.get(c);
    computers.put(c, new Computer(x.id, x.tenant, type, x.tags));
  }

  void moveComputer(UUID c, UUID tenant) {
    Computer x = computers.get(c);
    computers.put(c, new Computer(x.id, tenant, x.type, x.tags));
  }

  void movePerson(UUID user, UUID tenant) {
    User u = users.get(user);
    users.put(user, new User(u.id, tenant, u.enabled, u.accessExpires));
  }

  /** Moves a client tenant (not under itself); it and its client descendants take the new MSP. */
  void moveTenant(UUID t, UUID newParent) {
    Tenant x = tenants.get(t);
    UUID msp = tenants.get(newParent).msp;
    tenants.put(t, new Tenant(x.id, newParent, msp, x.kind, x.tags));
    for (Tenant d : List.copyOf(tenants.values())) {
      if (d.kind == TenantKind.CLIENT && ancestor(t, d.id)) {
        tenants.put(d.id, new Tenant(d.id, d.parent, msp, d.kind, d.tags));
      }
    }
  }

  /**
   * Merges client tenant a into b: a's people, computers and child tenants move to b, assignments
   * scoped to a (or limited to it) are removed (never re-pointed), a is deleted.
   */
  void merge(UUID a, UUID b) {
    for (User u : List.copyOf(users.values())) {
      if (a.equals(u.tenant)) {
        movePerson(u.id, b);
      }
    }
    for (Computer c : List.copyOf(computers.values())) {
      if (c.tenant.equals(a)) {
        moveComputer(c.id, b);
      }
    }
    for (Tenant d : List.copyOf(tenants.values())) {
      if (a.equals(d.parent)) {
        moveTenant(d.id, b);
      }
    }
    assignments.values().removeIf(x -> names(x.scope(), a));
    for (Group g : List.copyOf(groups.values())) {
      if (a.equals(g.owner)) {
        groups.put(g.id, new Group(g.id, b, g.members));
      }
    }
    for (Role r : List.copyOf(roles.values())) {
      if (a.equals(r.owner)) {
        roles.put(r.id, new Role(r.id, r.perms, b));
      }
    }
    tenants.remove(a);
  }

  /**
   * Whether the scope names tenant {@code t} (stored as its {@code scope_tenant_id}, so that
   * merging {@code t} away removes the assignment): a TENANT or MSP scope, a tenant tag scope
   * limited to MSP {@code t} (DESIGN §2 {@code TENANT_TAG(g, msp m)}), and a computer selector
   * limited to tenant or MSP {@code t}.
   */
  static boolean names(Scope s, UUID t) {
    return switch (s) {
      case Scope.Tenant(UUID id, boolean c) -> id.equals(t);
      case Scope.Msp(UUID m) -> m.equals(t);
      case Scope.TenantTag(UUID g, UUID m) -> t.equals(m);
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID limit, UUID m)) ->
          t.equals(limit) || t.equals(m);
      case Scope.Resource(
              ResourceSelector.ComputerTypes(Set<ComputerType> ts, UUID limit, UUID m)) ->
          t.equals(limit) || t.equals(m);
      default -> false;
    };
  }

  AssignmentNode assignment(
      UUID id, Principal p, UUID role, Scope s, Effect e, @Nullable Instant exp) {
    return new AssignmentNode(id, p, role, s, e, exp);
  }

  private static Set<UUID> toggled(Set<UUID> tags, UUID tag, boolean on) {
    Set<UUID> out = new HashSet<>(tags);
    if (on) {
      out.add(tag);
    } else {
      out.remove(tag);
    }
    return Set.copyOf(out);
  }
}
