package dev.tenantry.authz.engine;

import static dev.tenantry.authz.engine.BehaviourSpec.map;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.TenantKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** SnakeYAML's maps and lists → {@link BehaviourSpec} records; fails loudly on anything unknown. */
final class SpecParser {
  private SpecParser() {}

  static BehaviourSpec parse(Map<String, Object> root) {
    Map<String, Object> m = map(root.get("model"));
    Map<String, BehaviourSpec.Tenant> tenants = new HashMap<>();
    List<BehaviourSpec.Tenant> tenantList = new ArrayList<>();
    for (Object o : list(m.get("tenants"))) {
      Map<String, Object> t = map(o);
      String name = str(t, "name");
      String parent = (String) t.get("parent");
      TenantKind kind = TenantKind.valueOf((String) t.getOrDefault("kind", "CLIENT"));
      String msp = (String) t.get("msp");
      if (msp == null) {
        msp =
            kind == TenantKind.MSP
                ? name
                : Objects.requireNonNull(tenants.get(parent), "parent of " + name).msp();
      }
      BehaviourSpec.Tenant tenant =
          new BehaviourSpec.Tenant(name, parent, msp, kind, strings(t.get("tags")));
      tenants.put(name, tenant);
      tenantList.add(tenant);
    }
    List<BehaviourSpec.Computer> computers = new ArrayList<>();
    for (Object o : list(m.get("computers"))) {
      Map<String, Object> c = map(o);
      computers.add(
          new BehaviourSpec.Computer(
              str(c, "name"),
              str(c, "tenant"),
              ComputerType.valueOf(str(c, "type")),
              strings(c.get("tags"))));
    }
    List<BehaviourSpec.User> users = new ArrayList<>();
    for (Object o : list(m.get("users"))) {
      Map<String, Object> u = map(o);
      users.add(
          new BehaviourSpec.User(
              str(u, "name"),
              (String) u.get("tenant"),
              (Boolean) u.getOrDefault("enabled", true),
              instant(u.get("accessExpiresAt"))));
    }
    List<BehaviourSpec.Group> groups = new ArrayList<>();
    for (Object o : list(m.get("groups"))) {
      Map<String, Object> g = map(o);
      groups.add(
          new BehaviourSpec.Group(
              str(g, "name"), (String) g.get("owner"), strings(g.get("members"))));
    }
    List<BehaviourSpec.Role> roles = new ArrayList<>();
    for (Object o : list(m.get("roles"))) {
      Map<String, Object> r = map(o);
      roles.add(
          new BehaviourSpec.Role(
              str(r, "name"),
              strings(r.get("permissions")).stream().map(SpecParser::permission).toList()));
    }
    List<BehaviourSpec.Assignment> assignments = new ArrayList<>();
    for (Object o : list(m.get("assignments"))) {
      Map<String, Object> a = map(o);
      String principal =
          a.containsKey("user") ? "user:" + a.get("user") : "group:" + str(a, "group");
      assignments.add(
          new BehaviourSpec.Assignment(
              (String) a.getOrDefault("name", "assignment-" + assignments.size()),
              principal,
              str(a, "role"),
              str(a, "scope"),
              Effect.valueOf((String) a.getOrDefault("effect", "ALLOW")),
              instant(a.get("expiresAt"))));
    }
    BehaviourSpec.Model model =
        new BehaviourSpec.Model(tenantList, computers, users, groups, roles, assignments);
    return new BehaviourSpec(
        instant(root.get("now")),
        model,
        checks(list(root.get("checks"))),
        accessChanges(list(root.get("access-changes"))));
  }

  private static List<BehaviourSpec.Check> checks(List<Object> blocks) {
    List<BehaviourSpec.Check> out = new ArrayList<>();
    for (Object o : blocks) {
      Map<String, Object> b = map(o);
      Permission p = permission(str(b, "permission"));
      DecisionRule rule = b.containsKey("rule") ? DecisionRule.valueOf(str(b, "rule")) : null;
      for (String t : strings(b.get("allow"))) {
        out.add(new BehaviourSpec.Check(str(b, "user"), p, t, true, rule));
      }
      for (String t : strings(b.get("deny"))) {
        out.add(new BehaviourSpec.Check(str(b, "user"), p, t, false, rule));
      }
    }
    return out;
  }

  private static List<BehaviourSpec.AccessChange> accessChanges(List<Object> entries) {
    List<BehaviourSpec.AccessChange> out = new ArrayList<>();
    for (Object o : entries) {
      Map<String, Object> e = map(o);
      String actor = str(e, "actor");
      DecisionRule rule = DecisionRule.valueOf(str(e, "rule"));
      if (e.containsKey("assign")) {
        out.add(
            new BehaviourSpec.CanAssign(
                actor,
                str(e, "assign"),
                str(e, "role"),
                str(e, "scope"),
                Effect.valueOf((String) e.getOrDefault("effect", "ALLOW")),
                rule));
      } else if (e.containsKey("add-member")) {
        Map<String, Object> a = map(e.get("add-member"));
        out.add(new BehaviourSpec.CanAddMember(actor, str(a, "group"), str(a, "user"), rule));
      } else {
        out.add(new BehaviourSpec.CanRemove(actor, str(e, "remove"), rule));
      }
    }
    return out;
  }

  private static Permission permission(String key) {
    return Permission.byKey(key)
        .orElseThrow(() -> new IllegalArgumentException("unknown permission " + key));
  }

  private static Instant instant(Object o) {
    return switch (o) {
      case null -> null;
      case Date d -> d.toInstant();
      case String s -> Instant.parse(s);
      default -> throw new IllegalArgumentException("not an instant: " + o);
    };
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key + " in " + m);
    }
    return v.toString();
  }

  private static List<String> strings(Object o) {
    return o == null ? List.of() : list(o).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
