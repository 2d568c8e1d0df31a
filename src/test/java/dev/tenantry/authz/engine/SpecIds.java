package dev.tenantry.authz.engine;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The spec's names and string notations (see the header of behaviour-spec.yaml) turned into engine
 * values.
 */
public final class SpecIds {
  private SpecIds() {}

  /** Built-in role names map to their fixed ids; every other name to a name-based UUID. */
  public static UUID id(String name) {
    for (RoleDefinition d : BuiltInRoles.ALL) {
      if (d.name().equals(name)) {
        return d.id();
      }
    }
    return UUID.nameUUIDFromBytes(("tenantry-spec:" + name).getBytes(StandardCharsets.UTF_8));
  }

  static @Nullable UUID idOrNull(@Nullable String name) {
    return name == null ? null : id(name);
  }

  static Set<UUID> ids(List<String> names) {
    return names.stream().map(SpecIds::id).collect(Collectors.toSet());
  }

  public static Principal principal(String s) {
    String[] kv = split(s);
    return switch (kv[0]) {
      case "user" -> Principal.user(id(kv[1]));
      case "group" -> Principal.group(id(kv[1]));
      default -> throw new IllegalArgumentException("principal " + s);
    };
  }

  public static Scope scope(String s) {
    if (s.equals("owner")) {
      return Scope.owner();
    }
    if (s.equals("users-tenant")) {
      return Scope.usersTenant();
    }
    String[] kv = split(s);
    String value = kv[1];
    String[] limited = value.split("@", 2);
    UUID limit = limited.length == 2 ? id(limited[1]) : null;
    return switch (kv[0]) {
      case "msp" -> Scope.msp(id(value));
      case "tenant" -> Scope.tenant(id(value), false);
      case "tenant+children" -> Scope.tenant(id(value), true);
      case "tenant-tag" -> Scope.tenantTag(id(value));
      case "computer" -> Scope.resource(new ResourceSelector.OneComputer(id(value)));
      case "computer-tag" ->
          Scope.resource(new ResourceSelector.ComputerTag(id(limited[0]), limit));
      case "computer-types" ->
          Scope.resource(
              new ResourceSelector.ComputerTypes(
                  Arrays.stream(limited[0].split(","))
                      .map(ComputerType::valueOf)
                      .collect(Collectors.toSet()),
                  limit));
      default -> throw new IllegalArgumentException("scope " + s);
    };
  }

  public static Target target(String s) {
    if (s.equals("system")) {
      return Target.system();
    }
    if (s.equals("global")) {
      return Target.globalObject(null);
    }
    String[] kv = split(s);
    return switch (kv[0]) {
      case "tenant" -> Target.tenant(id(kv[1]));
      case "computer" -> Target.computer(id(kv[1]));
      case "object" -> Target.ownedObject(id(kv[1]));
      case "global" -> Target.globalObject(id(kv[1]));
      default -> throw new IllegalArgumentException("target " + s);
    };
  }

  private static String[] split(String s) {
    String[] kv = s.split(":", 2);
    if (kv.length != 2) {
      throw new IllegalArgumentException("expected kind:name, got " + s);
    }
    return kv;
  }
}
