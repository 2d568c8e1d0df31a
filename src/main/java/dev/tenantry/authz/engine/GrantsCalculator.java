package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.engine.Compiled.Asg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Computes {@link TenantGrants}: the user's live assignments holding p, then one pass over the
 * present tenants.
 */
final class GrantsCalculator {
  private GrantsCalculator() {}

  static TenantGrants compute(
      Engine engine, PolicySnapshot s, UUID userId, Permission p, Instant now) {
    return compute(engine, s, userId, p, now, null);
  }

  /**
   * The same, with the tenant pass over {@code only} instead of every tenant when it is not null:
   * the answer for those tenants is exactly the full one's (tenant ids and denied tenant ids are
   * the full sets intersected with {@code only}; selectors and {@code allTenants} are unchanged).
   */
  static TenantGrants compute(
      Engine engine,
      PolicySnapshot s,
      UUID userId,
      Permission p,
      Instant now,
      @Nullable Collection<UUID> only) {
    Compiled.User u = s.users.get(s.userIx.get(userId));
    if (u == null || u.node() == null || !Engine.active(u, now.getEpochSecond(), now.getNano())) {
      return TenantGrants.nothing();
    }
    if (p.system()) {
      Decision d = engine.check(s, userId, p, Target.system(), now);
      return d.allowed() ? TenantGrants.everything() : TenantGrants.nothing();
    }
    List<Asg> allows = new ArrayList<>();
    List<Asg> denies = new ArrayList<>();
    gather(s, u.direct(), p, now, allows, denies);
    for (int g : u.groups()) {
      gather(s, s.groups.get(g).asgs(), p, now, allows, denies);
    }
    List<ResourceSelector> allowSel = selectors(allows);
    List<ResourceSelector> denySel = selectors(denies);
    boolean tenantDeny = denies.stream().anyMatch(a -> a.kind() < Compiled.RES_ONE);
    if (denies.stream().anyMatch(a -> a.kind() == Compiled.OWNER)) {
      return TenantGrants.nothing();
    }
    if (!tenantDeny && allows.stream().anyMatch(a -> a.kind() == Compiled.OWNER)) {
      return new TenantGrants(true, Set.of(), Set.of(), allowSel, denySel);
    }
    Set<UUID> allowed = new HashSet<>();
    Set<UUID> denied = new HashSet<>();
    if (only == null) {
      for (int t = 0; t < s.tenants.size(); t++) {
        classify(s, t, u.tenant(), allows, denies, allowed, denied);
      }
    } else {
      for (UUID id : only) {
        classify(s, s.tenantIx.get(id), u.tenant(), allows, denies, allowed, denied);
      }
    }
    return new TenantGrants(false, allowed, denied, allowSel, denySel);
  }

  /**
   * {@code !compute(...).isNothing()} without building the sets: stops at the first allowed tenant
   * (menus and buttons ask this for several permissions on every page).
   */
  static boolean anywhere(Engine engine, PolicySnapshot s, UUID userId, Permission p, Instant now) {
    Compiled.User u = s.users.get(s.userIx.get(userId));
    if (u == null || u.node() == null || !Engine.active(u, now.getEpochSecond(), now.getNano())) {
      return false;
    }
    if (p.system()) {
      return engine.check(s, userId, p, Target.system(), now).allowed();
    }
    List<Asg> allows = new ArrayList<>();
    List<Asg> denies = new ArrayList<>();
    gather(s, u.direct(), p, now, allows, denies);
    for (int g : u.groups()) {
      gather(s, s.groups.get(g).asgs(), p, now, allows, denies);
    }
    if (allows.isEmpty() || denies.stream().anyMatch(a -> a.kind() == Compiled.OWNER)) {
      return false;
    }
    if (!selectors(allows).isEmpty()) {
      return true;
    }
    boolean tenantDeny = denies.stream().anyMatch(a -> a.kind() < Compiled.RES_ONE);
    if (!tenantDeny && allows.stream().anyMatch(a -> a.kind() == Compiled.OWNER)) {
      return true;
    }
    for (int t = 0; t < s.tenants.size(); t++) {
      Compiled.Tenant ct = s.tenants.get(t);
      if (ct != null
          && ct.present()
          && !anyCovers(s, denies, t, u.tenant())
          && anyCovers(s, allows, t, u.tenant())) {
        return true;
      }
    }
    return false;
  }

  private static void classify(
      PolicySnapshot s,
      int t,
      int userTenant,
      List<Asg> allows,
      List<Asg> denies,
      Set<UUID> allowed,
      Set<UUID> denied) {
    Compiled.Tenant ct = s.tenants.get(t);
    if (ct == null || !ct.present()) {
      return;
    }
    if (anyCovers(s, denies, t, userTenant)) {
      denied.add(ct.node().id());
    } else if (anyCovers(s, allows, t, userTenant)) {
      allowed.add(ct.node().id());
    }
  }

  private static void gather(
      PolicySnapshot s,
      Compiled.AsgList list,
      Permission p,
      Instant now,
      List<Asg> allows,
      List<Asg> denies) {
    for (Asg a : list.asgs()) {
      if (Matcher.holds(s, a, p.ordinal(), now.getEpochSecond(), now.getNano())) {
        (a.deny() ? denies : allows).add(a);
      }
    }
  }

  private static boolean anyCovers(PolicySnapshot s, List<Asg> list, int t, int userTenant) {
    for (Asg a : list) {
      if (Matcher.coversTenant(s, a, t, userTenant)) {
        return true;
      }
    }
    return false;
  }

  private static List<ResourceSelector> selectors(List<Asg> list) {
    List<ResourceSelector> out = new ArrayList<>();
    for (Asg a : list) {
      if (a.node().scope() instanceof Scope.Resource(ResourceSelector sel) && !out.contains(sel)) {
        out.add(sel);
      }
    }
    return out;
  }
}
