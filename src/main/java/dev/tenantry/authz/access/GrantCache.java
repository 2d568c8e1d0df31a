package dev.tenantry.authz.access;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantGrants;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A user's grants for one permission ({@code Engine.tenantsWith}: for a technician who sees 5,000
 * tenants, a pass over every tenant) and the content id of the visible set (a sort and a SHA-256 of
 * those 5,000 ids), remembered per (policy snapshot, user, permission), so that the lists of one
 * user compute them once per policy revision instead of on every request.
 *
 * <p>Correctness: an entry belongs to one snapshot object; the first request on a newer snapshot
 * starts a new generation and drops every older entry, and a request still holding an older
 * snapshot computes its grants without the cache, so no request is ever answered from another
 * revision than its own. Within a snapshot, grants change only with time: an entry is used for
 * instants from its computation up to (excluding) the first expiry after it among the user's own
 * and their groups' assignments and the user's access expiry. Bounded: a generation holding more
 * than {@link #MAX_TENANT_IDS} tenant ids in total starts over empty.
 */
final class GrantCache {
  static final long MAX_TENANT_IDS = 1_000_000;

  private record Key(UUID user, Permission permission) {}

  /** Entries of one snapshot, held weakly: the cache never keeps a replaced snapshot alive. */
  private record Generation(
      WeakReference<PolicySnapshot> snapshot,
      long revision,
      Map<Key, Entry> entries,
      AtomicLong weight) {
    Generation(PolicySnapshot snapshot) {
      this(
          new WeakReference<>(snapshot),
          snapshot.revision(),
          new ConcurrentHashMap<>(),
          new AtomicLong());
    }

    boolean of(PolicySnapshot s) {
      return snapshot.get() == s;
    }
  }

  /** Grants computed at {@code from}, the same at every instant before {@code until}. */
  static final class Entry {
    final TenantGrants grants;
    private final Instant from;
    private final @Nullable Instant until;
    private volatile UUID @Nullable [] sorted;
    private volatile @Nullable UUID contentId;

    Entry(TenantGrants grants, Instant from, @Nullable Instant until) {
      this.grants = grants;
      this.from = from;
      this.until = until;
    }

    boolean validAt(Instant now) {
      return !now.isBefore(from) && (until == null || now.isBefore(until));
    }

    /**
     * The stored set's id of the granted tenants (if large enough), its content id computed once.
     */
    @Nullable UUID storedSetId(VisibleTenantSets sets) {
      if (grants.allTenants() || !sets.stores(grants.tenantIds().size())) {
        return null;
      }
      UUID[] members = sorted;
      UUID id = contentId;
      if (members == null || id == null) {
        members = VisibleTenantSets.sorted(grants.tenantIds());
        id = VisibleTenantSets.contentId(members);
        sorted = members;
        contentId = id;
      }
      return sets.idOf(id, members).orElse(null);
    }
  }

  private volatile Generation current = new Generation(PolicySnapshot.empty());

  /**
   * The user's grants on snapshot {@code s} at {@code now}, computed by {@code compute} if needed.
   */
  Entry get(
      PolicySnapshot s, UUID user, Permission p, Instant now, Supplier<TenantGrants> compute) {
    Generation g = generation(s);
    if (g == null) { // an older snapshot than the cache's: never mixed with it
      return new Entry(compute.get(), now, now);
    }
    Key key = new Key(user, p);
    Entry e = g.entries().get(key);
    if (e != null && e.validAt(now)) {
      return e;
    }
    e = new Entry(compute.get(), now, nextChange(s, user, now));
    long weight = e.grants.tenantIds().size() + e.grants.deniedTenantIds().size() + 1L;
    if (g.weight().addAndGet(weight) > MAX_TENANT_IDS) {
      g.entries().clear();
      g.weight().set(weight);
    }
    g.entries().put(key, e);
    return e;
  }

  private @Nullable Generation generation(PolicySnapshot s) {
    Generation g = current;
    if (g.of(s)) {
      return g;
    }
    synchronized (this) {
      g = current;
      if (g.of(s)) {
        return g;
      }
      if (s.revision() < g.revision()) {
        return null;
      }
      current = new Generation(s);
      return current;
    }
  }

  /**
   * The first instant after {@code now} at which the user's grants may change without a new
   * snapshot: the earliest later expiry of the user's access and of their direct and group
   * assignments; null when nothing of theirs expires.
   */
  static @Nullable Instant nextChange(PolicySnapshot s, UUID user, Instant now) {
    Instant next = s.user(user).map(u -> later(null, u.accessExpiresAt(), now)).orElse(null);
    for (AssignmentNode a : s.directAssignments(user)) {
      next = later(next, a.expiresAt(), now);
    }
    for (GroupNode g : s.groupsOf(user)) {
      for (AssignmentNode a : s.groupAssignments(g.id())) {
        next = later(next, a.expiresAt(), now);
      }
    }
    return next;
  }

  private static @Nullable Instant later(
      @Nullable Instant earliest, @Nullable Instant candidate, Instant now) {
    if (candidate == null || !candidate.isAfter(now)) {
      return earliest;
    }
    return earliest == null || candidate.isBefore(earliest) ? candidate : earliest;
  }
}
