package dev.tenantry.bench;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.file_adapter.FileAdapter;

/**
 * DESIGN §2–§3 in Casbin, as faithfully as Casbin can say it. Request {@code (sub, obj, act,
 * subTenant)}: the user, the target node, the permission key, and the tenant node of the user's
 * person (an ABAC attribute the caller supplies, for USERS_TENANT). Policy {@code p = principal,
 * scope node, role, eft}.
 *
 * <ul>
 *   <li>{@code g}: user → group (membership).
 *   <li>{@code g2}: the containment graph. Computer → its tenant, → {@code ctag:G} and {@code
 *       ctag:G@T} per tag, → {@code ctype:X} and {@code ctype:X@T}; tenant → {@code sub:T} (its
 *       subtree node), {@code sub:T} → {@code sub:parent} (a root's → {@code owner}), tenant →
 *       {@code msp:M} of its MSP, tenant → {@code ttag:G} per tag; {@code system} → {@code owner}.
 *       Scopes map to nodes: OWNER = owner, MSP(m) = msp:m, TENANT(t,false) = t, TENANT(t,true) =
 *       sub:t, TENANT_TAG(g) = ttag:g, RESOURCE = the computer / ctag / ctype node, USERS_TENANT =
 *       a literal matched against the request's subTenant.
 *   <li>{@code g3}: permission → role holding it; system permission → {@code sys} (any scope grants
 *       them, §3.5).
 *   <li>Effect: deny overrides.
 * </ul>
 *
 * What Casbin cannot express here is encoded at generation time or left out: expired assignments
 * and inactive users (Casbin has no clock; the comparison instance has none — {@link BenchData}
 * with {@code casbinSafe}), and global objects (not among the compared requests).
 */
public final class CasbinModel {
  public static final String MODEL =
      """
      [request_definition]
      r = sub, obj, act, subTenant

      [policy_definition]
      p = sub, obj, act, eft

      [role_definition]
      g = _, _
      g2 = _, _
      g3 = _, _

      [policy_effect]
      e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

      [matchers]
      m = g(r.sub, p.sub) && g3(r.act, p.act) && (g3(r.act, "sys") || g2(r.obj, p.obj) \
      || (p.obj == "users-tenant" && g2(r.obj, r.subTenant)))
      """;

  private final Enforcer enforcer;
  private final Map<UUID, String> names = new HashMap<>();
  private final Map<UUID, String> userTenant = new HashMap<>();
  public final int policyLines;

  public CasbinModel(BenchData d) throws IOException {
    for (int i = 0; i < d.tenants.length; i++) {
      names.put(d.tenants[i], "t" + i);
    }
    for (int i = 0; i < d.computers.length; i++) {
      names.put(d.computers[i], "c" + i);
    }
    for (int i = 0; i < d.users.length; i++) {
      names.put(d.users[i], "u" + i);
      userTenant.put(d.users[i], "t" + d.userTenant[i]);
    }
    for (int i = 0; i < d.groups.length; i++) {
      names.put(d.groups[i], "g" + i);
    }
    for (int i = 0; i < d.tags.length; i++) {
      names.put(d.tags[i], "tag" + i);
    }
    List<String> lines = new ArrayList<>();
    int roleNo = 0;
    for (RoleNode role : d.roleNodes) {
      String rn = "r" + roleNo++;
      names.put(role.id(), rn);
      for (Permission p : role.permissions()) {
        lines.add("g3, " + p.key() + ", " + rn);
      }
    }
    for (Permission p : Permission.values()) {
      if (p.system()) {
        lines.add("g3, " + p.key() + ", sys");
      }
    }
    for (GroupNode g : d.groupNodes) {
      for (UUID u : g.memberUserIds()) {
        lines.add("g, " + names.get(u) + ", " + names.get(g.id()));
      }
    }
    lines.add("g2, system, owner");
    for (int i = 0; i < d.tenants.length; i++) {
      String t = "t" + i;
      lines.add("g2, " + t + ", sub:" + t);
      lines.add(
          "g2, sub:" + t + ", " + (d.tenantParent[i] < 0 ? "owner" : "sub:t" + d.tenantParent[i]));
      lines.add("g2, " + t + ", msp:t" + d.tenantMsp[i]);
      for (int tag : d.tenantTags[i]) {
        lines.add("g2, " + t + ", ttag:tag" + tag);
      }
    }
    for (ComputerNode c : d.computerNodes) {
      String cn = names.get(c.id());
      String t = names.get(c.tenantId());
      lines.add("g2, " + cn + ", " + t);
      lines.add("g2, " + cn + ", ctype:" + c.type());
      lines.add("g2, " + cn + ", ctype:" + c.type() + "@" + t);
      for (UUID tag : c.tagIds()) {
        lines.add("g2, " + cn + ", ctag:" + names.get(tag));
        lines.add("g2, " + cn + ", ctag:" + names.get(tag) + "@" + t);
      }
    }
    int p = 0;
    for (AssignmentNode a : d.assignmentNodes) {
      if (!a.activeAt(BenchData.NOW)) {
        continue; // none in a casbinSafe instance; Casbin has no clock
      }
      String sub = names.get(a.principal().id());
      String eft = a.effect() == Effect.DENY ? "deny" : "allow";
      for (String obj : scopeNodes(a.scope())) {
        lines.add("p, " + sub + ", " + obj + ", " + names.get(a.roleId()) + ", " + eft);
        p++;
      }
    }
    policyLines = p;
    Path dir = Files.createTempDirectory("casbin");
    Path policy = dir.resolve("policy.csv");
    Files.write(policy, lines);
    enforcer = new Enforcer(Model.newModelFromString(MODEL), new FileAdapter(policy.toString()));
    enforcer.enableLog(false);
  }

  private List<String> scopeNodes(Scope s) {
    return switch (s) {
      case Scope.Owner o -> List.of("owner");
      case Scope.Msp(UUID m) -> List.of("msp:" + names.get(m));
      case Scope.Tenant(UUID t, boolean children) ->
          List.of(children ? "sub:" + names.get(t) : names.get(t));
      case Scope.TenantTag(UUID g, UUID m) -> List.of("ttag:" + names.get(g));
      case Scope.UsersTenant u -> List.of("users-tenant");
      case Scope.Resource(ResourceSelector.OneComputer(UUID c)) -> List.of(names.get(c));
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID t, UUID unusedMsp)) ->
          List.of("ctag:" + names.get(g) + (t == null ? "" : "@" + names.get(t)));
      case Scope.Resource(
              ResourceSelector.ComputerTypes(
                  java.util.Set<ComputerType> types,
                  UUID t,
                  UUID unusedMsp)) ->
          types.stream().map(x -> "ctype:" + x + (t == null ? "" : "@" + names.get(t))).toList();
    };
  }

  public boolean enforce(UUID user, Permission p, Target target) {
    String obj =
        switch (target) {
          case Target.SystemTarget st -> "system";
          case Target.TenantTarget(UUID id) -> names.get(id);
          case Target.ComputerTarget(UUID id) -> names.get(id);
          case Target.ObjectTarget o ->
              throw new IllegalArgumentException("global objects are not compared");
        };
    return enforcer.enforce(names.get(user), obj, p.key(), userTenant.get(user));
  }

  /** Fails unless jCasbin and the engine decide every request alike; returns the number allowed. */
  public int assertSameDecisions(PolicySnapshot snapshot, Requests q) {
    int allowed = 0;
    for (int i = 0; i <= q.mask; i++) {
      boolean ours =
          Engine.INSTANCE
              .check(snapshot, q.users[i], q.permissions[i], q.targets[i], BenchData.NOW)
              .allowed();
      boolean theirs = enforce(q.users[i], q.permissions[i], q.targets[i]);
      if (ours != theirs) {
        throw new IllegalStateException(
            "jCasbin and the engine disagree on request "
                + i
                + ": "
                + q.users[i]
                + " "
                + q.permissions[i]
                + " "
                + q.targets[i]
                + ": engine "
                + ours
                + ", jCasbin "
                + theirs);
      }
      allowed += ours ? 1 : 0;
    }
    if (allowed == 0 || allowed == q.mask + 1) {
      throw new IllegalStateException(
          "degenerate comparison: " + allowed + " of " + (q.mask + 1) + " allowed");
    }
    return allowed;
  }
}
