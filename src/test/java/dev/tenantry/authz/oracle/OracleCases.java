package dev.tenantry.authz.oracle;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.engine.AssignmentNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Random worlds, actors, requests and later structural changes, from a seed (reproducible). Small
 * pools so that scopes collide with what exists, with what does not yet, and with the actor's own.
 */
final class OracleCases {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final List<Permission> PERMS =
      List.of(
          Permission.ROLE_ASSIGNMENTS_MANAGE,
          Permission.ROLES_ASSIGN_CROSS_TENANT,
          Permission.COMPUTERS_VIEW,
          Permission.COMPUTERS_DELETE,
          Permission.USERS_VIEW,
          Permission.USERS_IMPERSONATE,
          Permission.BILLING_MANAGE);

  /** One later structural change; {@code crossing} = it carries things across tenants or MSPs. */
  record Step(String what, boolean crossing, Consumer<OracleWorld> apply) {}

  record Case(
      long seed,
      Instant now,
      OracleWorld world,
      UUID actor,
      OracleRequest request,
      List<Step> later) {}

  private final Random r;
  private final String salt;
  private final Instant now;
  private final boolean mspTags;
  private int fresh;

  OracleCases(long seed, String salt, Instant now, boolean mspTags) {
    this.r = new Random(seed);
    this.salt = salt;
    this.now = now;
    this.mspTags = mspTags;
  }

  /** The ids of {@link #generate(long)}'s cases (no salt). */
  static UUID baseId(String kind, int n) {
    return UUID.nameUUIDFromBytes((kind + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  UUID id(String kind, int n) {
    return baseId(salt + kind, n);
  }

  static Case generate(long seed) {
    return generate(seed, "", NOW);
  }

  /**
   * A case whose ids carry {@code salt} (so that many fit in one database) and whose time is now.
   */
  static Case generate(long seed, String salt, Instant now) {
    return generate(seed, salt, now, false);
  }

  /**
   * {@code mspTags}: half of the TENANT_TAG scopes and of the limited computer selectors carry an
   * MSP limit (no extra random draws, so the other ids and choices of a seed stay the same).
   */
  static Case generate(long seed, String salt, Instant now, boolean mspTags) {
    OracleCases g = new OracleCases(seed, salt, now, mspTags);
    OracleWorld w = g.world();
    List<UUID> users = List.copyOf(w.users.keySet());
    UUID actor = users.get(g.r.nextInt(3)); // the first users hold the manager role
    OracleRequest req = g.request(w, actor);
    List<Step> later = new ArrayList<>();
    int k = g.r.nextInt(4);
    for (int i = 0; i < k; i++) {
      later.add(g.step());
    }
    return new Case(seed, now, w, actor, req, later);
  }

  private OracleWorld world() {
    OracleWorld w = new OracleWorld();
    for (int i = 0; i < 2; i++) {
      UUID m = id("msp", i);
      w.tenants.put(m, new OracleWorld.Tenant(m, null, m, TenantKind.MSP, tags(0.3)));
    }
    for (int i = 0; i < 5; i++) {
      List<UUID> ts = List.copyOf(w.tenants.keySet());
      w.createTenant(id("client", i), ts.get(r.nextInt(ts.size())), tags(0.3));
    }
    for (int i = 0; i < 5; i++) {
      w.createComputer(id("computer", i), anyTenant(w), type(), tags(0.3));
    }
    for (int i = 0; i < 5; i++) {
      UUID u = id("user", i);
      Instant exp =
          r.nextInt(10) < 8
              ? null
              : now.plus(r.nextBoolean() ? Duration.ofHours(2) : Duration.ofDays(2));
      w.users.put(u, new OracleWorld.User(u, anyTenant(w), r.nextInt(12) > 0, exp));
    }
    UUID owned = anyTenant(w);
    Set<UUID> all = new HashSet<>();
    Set<UUID> local = new HashSet<>();
    for (var u : w.users.values()) {
      if (r.nextInt(10) < 4) {
        all.add(u.id());
      }
      if (owned.equals(u.tenant()) && r.nextInt(10) < 6) {
        local.add(u.id());
      }
    }
    w.groups.put(id("group", 0), new OracleWorld.Group(id("group", 0), null, Set.copyOf(all)));
    w.groups.put(id("group", 1), new OracleWorld.Group(id("group", 1), owned, Set.copyOf(local)));
    for (int i = 0; i < 5; i++) {
      UUID owner = r.nextInt(5) == 0 ? anyTenant(w) : null;
      w.roles.put(id("role", i), new OracleWorld.Role(id("role", i), perms(0.4), owner));
    }
    Set<Permission> manager = perms(0.6);
    manager.add(Permission.ROLE_ASSIGNMENTS_MANAGE);
    if (r.nextBoolean()) {
      manager.add(Permission.ROLES_ASSIGN_CROSS_TENANT);
    }
    w.roles.put(id("role", 9), new OracleWorld.Role(id("role", 9), manager, null));
    for (int i = 0; i < 8; i++) {
      Principal p =
          r.nextInt(4) == 0
              ? Principal.group(id("group", r.nextInt(2)))
              : Principal.user(id("user", r.nextInt(5)));
      put(w, p, id("role", r.nextInt(5)));
    }
    for (int i = 0; i < 3; i++) {
      int n = 1 + r.nextInt(3);
      for (int j = 0; j < n; j++) {
        put(
            w,
            Principal.user(id("user", i)),
            r.nextInt(3) == 0 ? id("role", r.nextInt(5)) : id("role", 9));
      }
    }
    return w;
  }

  private void put(OracleWorld w, Principal p, UUID role) {
    UUID a = id("assignment", fresh++);
    Effect e = r.nextInt(6) == 0 ? Effect.DENY : Effect.ALLOW;
    w.assignments.put(a, new AssignmentNode(a, p, role, scope(w), e, expiry()));
  }

  private OracleRequest request(OracleWorld w, UUID actor) {
    List<UUID> roles = List.copyOf(w.roles.keySet());
    UUID role = roles.get(r.nextInt(roles.size()));
    switch (r.nextInt(6)) {
      case 0 -> {
        Principal p =
            r.nextInt(4) == 0
                ? Principal.group(id("group", r.nextInt(2)))
                : Principal.user(r.nextInt(10) == 0 ? actor : id("user", r.nextInt(5)));
        Effect e = r.nextInt(5) == 0 ? Effect.DENY : Effect.ALLOW;
        return new OracleRequest.Assign(p, role, scope(w), e, expiry());
      }
      case 1 -> {
        List<AssignmentNode> as = new ArrayList<>(w.assignments.values());
        List<AssignmentNode> denies = as.stream().filter(a -> a.effect() == Effect.DENY).toList();
        List<AssignmentNode> pool = !denies.isEmpty() && r.nextBoolean() ? denies : as;
        return new OracleRequest.Remove(pool.get(r.nextInt(pool.size())).id());
      }
      case 2 -> {
        UUID g = id("group", r.nextInt(2));
        UUID owner = w.groups.get(g).owner();
        List<UUID> fit =
            w.users.values().stream()
                .filter(u -> owner == null || owner.equals(u.tenant()))
                .map(OracleWorld.User::id)
                .toList();
        UUID u = fit.isEmpty() ? id("user", r.nextInt(5)) : fit.get(r.nextInt(fit.size()));
        return new OracleRequest.AddMember(g, u);
      }
      case 3 -> {
        UUID t = anyTenant(w);
        Scope s = r.nextInt(3) == 0 ? Scope.usersTenant() : scope(w);
        if (s instanceof Scope.Resource) {
          s = Scope.tenant(t, r.nextBoolean());
        }
        return new OracleRequest.Approve(id("newcomer", 0), t, role, s, expiry());
      }
      case 4 -> {
        List<UUID> used =
            w.assignments.values().stream().map(AssignmentNode::roleId).distinct().toList();
        UUID edited = used.isEmpty() ? role : used.get(r.nextInt(used.size()));
        return new OracleRequest.EditRole(edited, perms(0.5));
      }
      default -> {
        UUID target = id("user", r.nextInt(5));
        return new OracleRequest.Impersonate(
            target, now.plus(Duration.ofMinutes(r.nextBoolean() ? 60 : 240)));
      }
    }
  }

  private Step step() {
    UUID tag = id("tag", r.nextInt(3));
    boolean on = r.nextInt(4) > 0;
    int a = r.nextInt(100);
    int b = r.nextInt(100);
    ComputerType type = type();
    Set<UUID> tags = tags(0.4);
    UUID newId = id("later", fresh++);
    return switch (r.nextInt(9)) {
      case 0 ->
          new Step("tag tenant", false, w -> w.tagTenant(pick(w.tenants.keySet(), a), tag, on));
      case 1 ->
          new Step(
              "tag computer",
              false,
              w -> {
                if (!w.computers.isEmpty()) {
                  w.tagComputer(pick(w.computers.keySet(), a), tag, on);
                }
              });
      case 2 ->
          new Step(
              "create tenant",
              false,
              w -> w.createTenant(newId, pick(w.tenants.keySet(), a), tags));
      case 3 ->
          new Step(
              "create computer",
              false,
              w -> w.createComputer(newId, pick(w.tenants.keySet(), a), type, tags));
      case 4 ->
          new Step(
              "change type",
              false,
              w -> {
                if (!w.computers.isEmpty()) {
                  w.changeType(pick(w.computers.keySet(), a), type);
                }
              });
      case 5 ->
          new Step(
              "move computer",
              true,
              w -> {
                if (!w.computers.isEmpty()) {
                  w.moveComputer(pick(w.computers.keySet(), a), pick(w.tenants.keySet(), b));
                }
              });
      case 6 ->
          new Step(
              "move person",
              true,
              w -> w.movePerson(pick(w.users.keySet(), a), pick(w.tenants.keySet(), b)));
      case 7 ->
          new Step(
              "move tenant",
              true,
              w -> {
                List<UUID> clients = clients(w);
                UUID t = pick(clients, a);
                List<UUID> to =
                    w.tenants.keySet().stream()
                        .filter(x -> !x.equals(t) && !w.ancestor(t, x))
                        .toList();
                if (t != null && !to.isEmpty()) {
                  w.moveTenant(t, pick(to, b));
                }
              });
      default ->
          new Step(
              "merge",
              true,
              w -> {
                UUID from = pick(clients(w), a);
                List<UUID> to =
                    w.tenants.keySet().stream()
                        .filter(x -> from != null && !x.equals(from) && !w.ancestor(from, x))
                        .toList();
                if (from != null && !to.isEmpty()) {
                  w.merge(from, pick(to, b));
                }
              });
    };
  }

  private static List<UUID> clients(OracleWorld w) {
    return w.tenants.values().stream()
        .filter(t -> t.kind() == TenantKind.CLIENT)
        .map(OracleWorld.Tenant::id)
        .toList();
  }

  private static @Nullable UUID pick(java.util.Collection<UUID> from, int n) {
    if (from.isEmpty()) {
      return null;
    }
    return List.copyOf(from).get(n % from.size());
  }

  private Scope scope(OracleWorld w) {
    UUID t = anyTenant(w);
    UUID tag = id("tag", r.nextInt(3));
    UUID limit = r.nextBoolean() ? anyTenant(w) : null;
    return switch (r.nextInt(10)) {
      case 0 -> Scope.owner();
      case 1 -> Scope.msp(id("msp", r.nextInt(2)));
      case 2, 3 -> Scope.tenant(t, r.nextBoolean());
      case 4 ->
          mspTags && limit != null
              ? Scope.tenantTag(tag, w.tenants.get(limit).msp())
              : Scope.tenantTag(tag);
      case 5 -> Scope.usersTenant();
      case 6 -> Scope.resource(new ResourceSelector.OneComputer(id("computer", r.nextInt(5))));
      case 7 ->
          mspLimited(limit)
              ? Scope.resource(
                  new ResourceSelector.ComputerTag(tag, null, w.tenants.get(limit).msp()))
              : Scope.resource(new ResourceSelector.ComputerTag(tag, limit));
      default ->
          mspLimited(limit)
              ? Scope.resource(
                  new ResourceSelector.ComputerTypes(
                      EnumSet.of(type(), type()), null, w.tenants.get(limit).msp()))
              : Scope.resource(
                  new ResourceSelector.ComputerTypes(EnumSet.of(type(), type()), limit));
    };
  }

  /**
   * With {@code mspTags}, half of the limited computer selectors are limited to the MSP of the
   * drawn tenant instead (decided by the id, no extra random draw).
   */
  private boolean mspLimited(@Nullable UUID limit) {
    return mspTags && limit != null && (limit.hashCode() & 1) == 0;
  }

  private UUID anyTenant(OracleWorld w) {
    List<UUID> ts = List.copyOf(w.tenants.keySet());
    return ts.get(r.nextInt(ts.size()));
  }

  private @Nullable Instant expiry() {
    return switch (r.nextInt(8)) {
      case 0 -> now.plus(Duration.ofHours(1));
      case 1 -> now.plus(Duration.ofDays(1));
      case 2 -> now.plus(Duration.ofDays(3));
      default -> null;
    };
  }

  private ComputerType type() {
    ComputerType[] all = ComputerType.values();
    return all[r.nextInt(all.length)];
  }

  private Set<UUID> tags(double p) {
    Set<UUID> out = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      if (r.nextDouble() < p) {
        out.add(id("tag", i));
      }
    }
    return out;
  }

  private Set<Permission> perms(double p) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    for (Permission x : PERMS) {
      if (r.nextDouble() < p) {
        out.add(x);
      }
    }
    if (out.isEmpty()) {
      out.add(PERMS.get(2 + r.nextInt(PERMS.size() - 2)));
    }
    return out;
  }
}
