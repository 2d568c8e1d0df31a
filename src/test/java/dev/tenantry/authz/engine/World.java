package dev.tenantry.authz.engine;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.TenantKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A readable test fixture: everything is named; ids are {@code UUID.nameUUIDFromBytes(name)}. */
final class World {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  final PolicyModel model = new PolicyModel();
  private int assignments;

  static UUID id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  World msp(String name, String... tags) {
    model.tenants.put(
        id(name), new TenantNode(id(name), null, id(name), TenantKind.MSP, ids(tags)));
    return this;
  }

  /** A client below {@code parent}, belonging to the parent's MSP. */
  World client(String name, String parent, String... tags) {
    UUID msp = model.tenants.get(id(parent)).mspId();
    model.tenants.put(
        id(name), new TenantNode(id(name), id(parent), msp, TenantKind.CLIENT, ids(tags)));
    return this;
  }

  World computer(String name, String tenant, ComputerType type, String... tags) {
    model.computers.put(id(name), new ComputerNode(id(name), id(tenant), type, ids(tags)));
    return this;
  }

  World user(String name, String tenant) {
    model.users.put(id(name), new UserNode(id(name), id(tenant), true, null));
    return this;
  }

  World user(UserNode node) {
    model.users.put(node.id(), node);
    return this;
  }

  World group(String name, String ownerTenant, String... members) {
    model.groups.put(
        id(name),
        new GroupNode(id(name), ownerTenant == null ? null : id(ownerTenant), ids(members)));
    return this;
  }

  World role(String name, Permission... permissions) {
    model.roles.put(id(name), new RoleNode(id(name), Set.of(permissions), null));
    return this;
  }

  World role(RoleDefinition definition) {
    model.roles.put(definition.id(), RoleNode.of(definition));
    return this;
  }

  World allow(String user, String role, Scope scope) {
    return assign(Principal.user(id(user)), id(role), scope, Effect.ALLOW, null);
  }

  World deny(String user, String role, Scope scope) {
    return assign(Principal.user(id(user)), id(role), scope, Effect.DENY, null);
  }

  World allowGroup(String group, String role, Scope scope) {
    return assign(Principal.group(id(group)), id(role), scope, Effect.ALLOW, null);
  }

  World assign(Principal principal, UUID role, Scope scope, Effect effect, Instant expiresAt) {
    UUID aid = id("assignment-" + assignments++);
    model.assignments.put(aid, new AssignmentNode(aid, principal, role, scope, effect, expiresAt));
    return this;
  }

  PolicySnapshot snapshot() {
    return model.toSnapshot(1);
  }

  Decision check(String user, Permission p, Target t) {
    Decision d = Engine.INSTANCE.check(snapshot(), id(user), p, t, NOW);
    // every fixture question doubles as a reference check
    if (!d.equals(new ReferenceEvaluator(model).check(id(user), p, t, NOW))) {
      throw new AssertionError("engine and reference disagree on " + user + " " + p + " " + t);
    }
    return d;
  }

  boolean allowed(String user, Permission p, Target t) {
    return check(user, p, t).allowed();
  }

  static Target tenant(String name) {
    return Target.tenant(id(name));
  }

  static Target computer(String name) {
    return Target.computer(id(name));
  }

  static Scope tenantScope(String name, boolean children) {
    return Scope.tenant(id(name), children);
  }

  private static Set<UUID> ids(String... names) {
    return Arrays.stream(names).map(World::id).collect(Collectors.toSet());
  }
}
