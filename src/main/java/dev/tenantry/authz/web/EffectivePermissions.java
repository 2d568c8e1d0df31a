package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.authz.engine.TenantGrants;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.internal.ScopeDto;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.web.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a user may do where, in a size that does not grow with the instance: system permissions;
 * tenants grouped by identical permission sets, each set said the way people read it (every tenant;
 * every tenant except a few, named; or the tenants, the first {@link #LISTED} named), the sets
 * themselves paged; computer-resource grants. The tenants of one set are paged on demand ({@link
 * #tenantsOf}). When someone else looks, tenants they cannot view ({@code tenants:view}) are left
 * out.
 */
@Component
class EffectivePermissions {
  static final int LISTED = 50;
  private static final int WORDS = (Permission.values().length + 63) / 64;
  static final java.util.regex.Pattern SET_ID =
      java.util.regex.Pattern.compile("[0-9a-f]{" + 16 * WORDS + "}");

  enum Coverage {
    EVERY_TENANT,
    EVERY_TENANT_EXCEPT,
    TENANTS
  }

  record TenantRef(UUID id, String name) {}

  /**
   * One permission set and where it holds. {@code tenants}: nothing for EVERY_TENANT, the tenants
   * left out for EVERY_TENANT_EXCEPT, else the first tenants by name ({@code moreTenants} not named
   * here; page them with the set's {@code id}).
   */
  record PermissionSet(
      String id,
      List<String> permissions,
      Coverage coverage,
      long tenantCount,
      List<TenantRef> tenants,
      long moreTenants) {}

  record ResourceGrant(String permission, ScopeDto scope) {}

  record View(
      UUID userId,
      List<String> system,
      long visibleTenantCount,
      Page<PermissionSet> tenantSets,
      List<ResourceGrant> resources) {}

  private final Authorizer authz;
  private final TenantLookup names;

  EffectivePermissions(Authorizer authz, TenantLookup names) {
    this.authz = authz;
    this.names = names;
  }

  View of(UUID userId, boolean onlyTenantsCallerSees) {
    return of(userId, onlyTenantsCallerSees, 0, 20);
  }

  View of(UUID userId, boolean onlyTenantsCallerSees, int page, int size) {
    Grouped g = group(userId, onlyTenantsCallerSees);
    List<String> system = new ArrayList<>();
    for (Permission p : Permission.values()) {
      if (p.system() && authz.check(userId, p, Target.system()).allowed()) {
        system.add(p.key());
      }
    }
    List<ResourceGrant> resources = new ArrayList<>();
    for (Permission p : Permission.values()) {
      if (!p.system()) {
        for (ResourceSelector sel : authz.grants(userId, p).allowedSelectors()) {
          resources.add(new ResourceGrant(p.key(), ScopeDto.of(Scope.resource(sel))));
        }
      }
    }
    List<Map.Entry<Key, List<UUID>>> sets = g.sets();
    List<PermissionSet> shown = new ArrayList<>();
    long from = (long) page * size;
    for (int i = (int) Math.min(from, sets.size()); i < Math.min(from + size, sets.size()); i++) {
      shown.add(describe(sets.get(i).getKey(), sets.get(i).getValue(), g.tenants()));
    }
    return new View(
        userId, system, g.tenants().size(), new Page<>(shown, page, size, sets.size()), resources);
  }

  /** The tenants of one permission set (by its id), by name. */
  Page<TenantRef> tenantsOf(
      UUID userId, boolean onlyTenantsCallerSees, String setId, int page, int size) {
    Grouped g = group(userId, onlyTenantsCallerSees);
    if (!SET_ID.matcher(setId).matches()) {
      throw ApiException.invalid("'" + setId + "' is not a permission set id");
    }
    List<UUID> members =
        g.sets().stream()
            .filter(e -> e.getKey().id().equals(setId))
            .findFirst()
            .map(Map.Entry::getValue)
            .orElse(List.of()); // a set no tenant has (any more) holds no tenants
    return new Page<>(refs(members, page * size, size), page, size, members.size());
  }

  private PermissionSet describe(Key key, List<UUID> members, List<UUID> all) {
    List<String> perms = key.permissions();
    if (members.size() == all.size()) {
      return new PermissionSet(
          key.id(), perms, Coverage.EVERY_TENANT, members.size(), List.of(), 0);
    }
    int left = all.size() - members.size();
    if (left <= LISTED && members.size() > left) {
      var in = new java.util.HashSet<>(members);
      List<UUID> out = all.stream().filter(t -> !in.contains(t)).toList();
      return new PermissionSet(
          key.id(), perms, Coverage.EVERY_TENANT_EXCEPT, members.size(), refs(out, 0, LISTED), 0);
    }
    List<TenantRef> first = refs(members, 0, LISTED);
    return new PermissionSet(
        key.id(), perms, Coverage.TENANTS, members.size(), first, members.size() - first.size());
  }

  private List<TenantRef> refs(List<UUID> ids, int offset, int limit) {
    return names.names(ids, offset, limit).entrySet().stream()
        .map(e -> new TenantRef(e.getKey(), e.getValue()))
        .toList();
  }

  private record Grouped(List<UUID> tenants, List<Map.Entry<Key, List<UUID>>> sets) {}

  /** Each visible tenant's permission set as bits over Permission ordinals, then grouped. */
  private Grouped group(UUID userId, boolean onlyTenantsCallerSees) {
    TenantFilter visible =
        onlyTenantsCallerSees
            ? authz.tenants(Permission.TENANTS_VIEW)
            : TenantFilter.everythingFilter();
    List<TenantNode> nodes = authz.snapshot().tenants();
    Map<UUID, Integer> index = new HashMap<>(nodes.size() * 2);
    List<UUID> tenants = new ArrayList<>(nodes.size());
    for (TenantNode t : nodes) {
      if (visible.allows(t.id())) {
        index.put(t.id(), tenants.size());
        tenants.add(t.id());
      }
    }
    long[][] bits = new long[tenants.size()][WORDS];
    for (Permission p : Permission.values()) {
      if (p.system()) {
        continue;
      }
      TenantGrants grants = authz.grants(userId, p);
      int w = p.ordinal() >>> 6;
      long bit = 1L << (p.ordinal() & 63);
      if (grants.allTenants()) {
        for (long[] b : bits) {
          b[w] |= bit;
        }
      } else {
        for (UUID t : grants.tenantIds()) {
          Integer i = index.get(t);
          if (i != null) {
            bits[i][w] |= bit;
          }
        }
      }
    }
    Map<Key, List<UUID>> sets = new HashMap<>();
    for (int i = 0; i < bits.length; i++) {
      if (Arrays.stream(bits[i]).anyMatch(x -> x != 0)) {
        sets.computeIfAbsent(new Key(bits[i]), k -> new ArrayList<>()).add(tenants.get(i));
      }
    }
    List<Map.Entry<Key, List<UUID>>> sorted = new ArrayList<>(sets.entrySet());
    sorted.sort(
        Comparator.<Map.Entry<Key, List<UUID>>>comparingInt(e -> -e.getValue().size())
            .thenComparing(e -> e.getKey().id()));
    return new Grouped(tenants, sorted);
  }

  /** A permission set as bits; its id is the bits in hex (stable while the catalogue is). */
  private record Key(long[] bits) {
    String id() {
      StringBuilder s = new StringBuilder();
      for (long b : bits) {
        s.append(HexFormat.of().toHexDigits(b));
      }
      return s.toString();
    }

    List<String> permissions() {
      List<String> out = new ArrayList<>();
      for (Permission p : Permission.values()) {
        if ((bits[p.ordinal() >>> 6] & (1L << (p.ordinal() & 63))) != 0) {
          out.add(p.key());
        }
      }
      return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k && Arrays.equals(bits, k.bits);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bits);
    }
  }
}
