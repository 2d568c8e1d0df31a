package dev.tenantry.bench;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionCategory;
import dev.tenantry.authz.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Pre-generated check requests (a power-of-two count, cycled by the benchmarks). Users: uniformly
 * random over all users (cache-cold), or a handful of busy technicians repeated (cache-warm).
 * Permissions: half a {@code *:view} permission, 47% any tenant-scoped one, 3% a system permission.
 * Targets: 40% a client tenant, 57% a computer, 3% the system.
 */
public final class Requests {
  public final UUID[] users;
  public final Permission[] permissions;
  public final Target[] targets;
  public final int mask;

  private Requests(int n) {
    users = new UUID[n];
    permissions = new Permission[n];
    targets = new Target[n];
    mask = n - 1;
  }

  public static Requests randomUsers(BenchData d, int n, long seed) {
    SplittableRandom r = BenchData.requestRandom(seed);
    return fill(d, n, r, () -> d.users[r.nextInt(d.users.length)]);
  }

  /** {@code distinct} technicians with the most direct assignments, repeated over the requests. */
  public static Requests repeatedUsers(BenchData d, int n, int distinct, long seed) {
    SplittableRandom r = BenchData.requestRandom(seed + 1);
    UUID[] few = new UUID[distinct];
    for (int i = 0; i < distinct; i++) {
      few[i] = d.users[r.nextInt(d.technicians)];
    }
    return fill(d, n, r, () -> few[r.nextInt(distinct)]);
  }

  private static Requests fill(
      BenchData d, int n, SplittableRandom r, java.util.function.Supplier<UUID> user) {
    List<Permission> views = new ArrayList<>();
    List<Permission> scoped = new ArrayList<>();
    List<Permission> system = new ArrayList<>();
    for (Permission p : Permission.values()) {
      if (p.system()) {
        system.add(p);
      } else {
        scoped.add(p);
        if (p.category() == PermissionCategory.VIEW) {
          views.add(p);
        }
      }
    }
    Requests q = new Requests(n);
    int msps = mspCount(d);
    for (int i = 0; i < n; i++) {
      q.users[i] = fresh(user.get());
      int x = r.nextInt(100);
      q.permissions[i] =
          x < 50
              ? views.get(r.nextInt(views.size()))
              : x < 97
                  ? scoped.get(r.nextInt(scoped.size()))
                  : system.get(r.nextInt(system.size()));
      int y = r.nextInt(100);
      q.targets[i] =
          y < 40
              ? Target.tenant(fresh(d.tenants[msps + r.nextInt(d.tenants.length - msps)]))
              : y < 97
                  ? Target.computer(fresh(d.computers[r.nextInt(d.computers.length)]))
                  : Target.system();
    }
    return q;
  }

  // a request carries ids parsed just before the check (session, path), not the generator's shared
  // UUID objects,
  // which would add a cache miss per id that no real request pays
  private static UUID fresh(UUID id) {
    return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  static int mspCount(BenchData d) {
    int n = 0;
    while (n < d.tenantParent.length && d.tenantParent[n] < 0) {
      n++;
    }
    return n;
  }
}
