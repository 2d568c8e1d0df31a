package dev.tenantry.authz.engine;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.TenantKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * The behaviour spec ({@code authz/behaviour-spec.yaml}) as plain records with string names.
 * Storage-neutral: {@link SpecIds} maps names to UUIDs deterministically, {@link #changes()} feeds
 * the in-memory builder, and a database test can insert the same {@link Model} as rows, load a
 * snapshot and call {@link SpecRunner#failures} on it.
 */
public record BehaviourSpec(
    Instant now, Model model, List<Check> checks, List<AccessChange> accessChanges) {

  public record Model(
      List<Tenant> tenants,
      List<Computer> computers,
      List<User> users,
      List<Group> groups,
      List<Role> roles,
      List<Assignment> assignments) {}

  /** {@code msp} defaults to the tenant itself for an MSP, else to the parent's MSP. */
  public record Tenant(
      String name, @Nullable String parent, String msp, TenantKind kind, List<String> tags) {}

  public record Computer(String name, String tenant, ComputerType type, List<String> tags) {}

  /** {@code tenant} null = the person is gone. */
  public record User(
      String name, @Nullable String tenant, boolean enabled, @Nullable Instant accessExpiresAt) {}

  public record Group(String name, @Nullable String owner, List<String> members) {}

  public record Role(String name, List<Permission> permissions) {}

  /**
   * {@code principal} is {@code user:<name>} or {@code group:<name>}; scope in the spec's string
   * notation.
   */
  public record Assignment(
      String name,
      String principal,
      String role,
      String scope,
      Effect effect,
      @Nullable Instant expiresAt) {}

  /**
   * One expected decision of {@code check(user, permission, target)}; {@code rule} null = only
   * allowed/denied.
   */
  public record Check(
      String user,
      Permission permission,
      String target,
      boolean allowed,
      @Nullable DecisionRule rule) {}

  /** An anti-escalation question and its expected rule. */
  public sealed interface AccessChange {
    String actor();

    DecisionRule rule();
  }

  public record CanAssign(
      String actor, String principal, String role, String scope, Effect effect, DecisionRule rule)
      implements AccessChange {}

  public record CanAddMember(String actor, String group, String user, DecisionRule rule)
      implements AccessChange {}

  public record CanRemove(String actor, String assignment, DecisionRule rule)
      implements AccessChange {}

  public static BehaviourSpec load() {
    try (InputStream in = BehaviourSpec.class.getResourceAsStream("/authz/behaviour-spec.yaml")) {
      if (in == null) {
        throw new IllegalStateException("authz/behaviour-spec.yaml not on the classpath");
      }
      return SpecParser.parse(
          new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public int expectationCount() {
    return checks.size() + accessChanges.size();
  }

  /**
   * The model as builder input: built-in roles first, then everything in the spec, names mapped by
   * {@link SpecIds}.
   */
  public List<PolicyChange> changes() {
    List<PolicyChange> out = new ArrayList<>();
    for (RoleDefinition d : BuiltInRoles.ALL) {
      out.add(new PolicyChange.UpsertRole(RoleNode.of(d)));
    }
    for (Tenant t : model.tenants()) {
      out.add(
          new PolicyChange.UpsertTenant(
              new TenantNode(
                  SpecIds.id(t.name()),
                  SpecIds.idOrNull(t.parent()),
                  SpecIds.id(t.msp()),
                  t.kind(),
                  SpecIds.ids(t.tags()))));
    }
    for (Computer c : model.computers()) {
      out.add(
          new PolicyChange.UpsertComputer(
              new ComputerNode(
                  SpecIds.id(c.name()), SpecIds.id(c.tenant()), c.type(), SpecIds.ids(c.tags()))));
    }
    for (User u : model.users()) {
      out.add(
          new PolicyChange.UpsertUser(
              new UserNode(
                  SpecIds.id(u.name()),
                  SpecIds.idOrNull(u.tenant()),
                  u.enabled(),
                  u.accessExpiresAt())));
    }
    for (Group g : model.groups()) {
      out.add(
          new PolicyChange.UpsertGroup(
              new GroupNode(
                  SpecIds.id(g.name()), SpecIds.idOrNull(g.owner()), SpecIds.ids(g.members()))));
    }
    for (Role r : model.roles()) {
      out.add(
          new PolicyChange.UpsertRole(
              new RoleNode(SpecIds.id(r.name()), java.util.Set.copyOf(r.permissions()), null)));
    }
    for (Assignment a : model.assignments()) {
      out.add(
          new PolicyChange.UpsertAssignment(
              new AssignmentNode(
                  SpecIds.id(a.name()),
                  SpecIds.principal(a.principal()),
                  SpecIds.id(a.role()),
                  SpecIds.scope(a.scope()),
                  a.effect(),
                  a.expiresAt())));
    }
    return out;
  }

  static Map<String, Object> map(Object o) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) o;
    return m;
  }

  public static UUID id(String name) {
    return SpecIds.id(name);
  }
}
