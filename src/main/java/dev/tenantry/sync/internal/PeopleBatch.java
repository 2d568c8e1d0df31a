package dev.tenantry.sync.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.sync.internal.SyncRunRepository.Counts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one batch (at most {@link #MAX} Entra users) to the people of one tenant, in one short
 * transaction with its audit event and the run's progress. Only Entra-owned fields change; a person
 * outside the tenant's domain limits is neither created nor changed. A person whose user is the
 * instance's last full administrator is never made inactive (DESIGN §3.6h): it stays ACTIVE and the
 * run records a warning.
 */
@Component
class PeopleBatch {
  static final int MAX = 1000;
  private final PersonSyncRepository people;
  private final SyncRunRepository runs;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  PeopleBatch(
      PersonSyncRepository people,
      SyncRunRepository runs,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.people = people;
    this.runs = runs;
    this.audit = audit;
    this.accessChanges = accessChanges;
  }

  record Context(UUID tenantId, UUID runId, Set<String> domains, boolean full) {}

  @Transactional
  Counts apply(Context cx, List<EntraUser> batch, int pages, Counts before) {
    if (batch.size() > MAX) {
      throw new IllegalArgumentException("A batch holds at most " + MAX + " people");
    }
    accessChanges.lock(); // Entra states make users (in)active: an access change (6j), lock first
    Map<UUID, EntraUser> last = new LinkedHashMap<>();
    batch.forEach(u -> last.put(u.oid(), u));
    Map<UUID, SyncedPerson> existing = people.byOids(cx.tenantId(), last.keySet());
    List<SyncedPerson> inserts = new ArrayList<>();
    List<SyncedPerson> updates = new ArrayList<>();
    List<UUID> seen = new ArrayList<>();
    int marked = 0;
    int skipped = 0;
    for (EntraUser u : last.values()) {
      SyncedPerson current = existing.get(u.oid());
      if (u.removed()) {
        if (current != null && !"REMOVED".equals(current.entraState())) {
          updates.add(current.with(u));
          marked++;
        }
        continue;
      }
      String upn = u.upn() != null ? u.upn() : current != null ? current.upn() : "";
      if (!cx.domains().isEmpty() && !cx.domains().contains(EntraUser.domainOf(upn))) {
        skipped++;
        if (current != null) {
          seen.add(current.id());
        }
        continue;
      }
      if (current == null) {
        inserts.add(SyncedPerson.fresh(UUID.randomUUID(), u));
        continue;
      }
      SyncedPerson next = current.with(u);
      if (next.equals(current)) {
        seen.add(current.id());
      } else {
        updates.add(next);
        if (current.active() && !next.active()) {
          marked++;
        }
      }
    }
    List<UUID> kept = keepLastFullAdmin(cx, existing.values(), updates);
    marked -= kept.size();
    List<UUID> reactivated = reactivated(cx, existing.values(), updates);
    people.insert(cx.tenantId(), cx.runId(), inserts);
    people.update(cx.tenantId(), cx.runId(), updates);
    if (cx.full()) {
      people.markSeen(cx.tenantId(), cx.runId(), seen);
    }
    Counts counts =
        before.plus(new Counts(inserts.size(), updates.size() - marked, marked, skipped));
    if (!inserts.isEmpty() || !updates.isEmpty()) {
      audit.record(
          AuditEntry.event(
              "directory-sync.people-synced",
              "tenant",
              cx.tenantId(),
              cx.tenantId(),
              Map.of(
                  "runId",
                  cx.runId(),
                  "page",
                  pages,
                  "created",
                  ids(inserts),
                  "updated",
                  ids(updates),
                  "marked",
                  marked,
                  "reactivatedUsers",
                  reactivated)));
    }
    runs.progress(cx.runId(), cx.full(), pages, counts);
    return counts;
  }

  /** Marks people a full sync did not see as REMOVED, at most {@link #MAX}; answers how many. */
  @Transactional
  int markUnseen(Context cx, int pages, Counts before) {
    accessChanges.lock();
    List<SyncedPerson> gone = people.unseen(cx.tenantId(), cx.runId(), MAX);
    if (gone.isEmpty()) {
      return 0;
    }
    List<SyncedPerson> marked = new ArrayList<>();
    for (SyncedPerson p : gone) {
      marked.add(
          new SyncedPerson(
              p.id(),
              p.oid(),
              p.givenName(),
              p.familyName(),
              p.email(),
              p.upn(),
              p.jobTitle(),
              "REMOVED",
              p.source()));
    }
    List<UUID> kept = keepLastFullAdmin(cx, gone, marked); // updated as seen: not asked again
    people.update(cx.tenantId(), cx.runId(), marked);
    marked.removeIf(p -> kept.contains(p.id()));
    audit.record(
        AuditEntry.event(
            "directory-sync.people-synced",
            "tenant",
            cx.tenantId(),
            cx.tenantId(),
            Map.of("runId", cx.runId(), "removed", ids(marked), "marked", marked.size())));
    runs.progress(cx.runId(), true, pages, before.plus(new Counts(0, 0, marked.size(), 0)));
    return marked.size();
  }

  /**
   * Of the people {@code next} makes inactive, keeps the one whose user is the last full
   * administrator ACTIVE (in {@code next}, in place) and records a warning in the run; answers the
   * ids of the people kept.
   */
  private List<UUID> keepLastFullAdmin(
      Context cx, java.util.Collection<SyncedPerson> current, List<SyncedPerson> next) {
    Map<UUID, SyncedPerson> before = new LinkedHashMap<>();
    current.forEach(p -> before.put(p.id(), p));
    List<UUID> losing = new ArrayList<>();
    for (SyncedPerson p : next) {
      SyncedPerson was = before.get(p.id());
      if (!p.active() && was != null && was.active()) {
        losing.add(p.id());
      }
    }
    if (losing.isEmpty()) {
      return List.of();
    }
    Map<UUID, UUID> users = people.usersOf(cx.tenantId(), losing);
    if (users.isEmpty()) {
      return List.of();
    }
    Set<UUID> keep = accessChanges.lastFullAdminAmong(users.values());
    List<UUID> kept = new ArrayList<>();
    for (int i = 0; i < next.size(); i++) {
      SyncedPerson p = next.get(i);
      UUID user = users.get(p.id());
      if (user == null || !keep.contains(user)) {
        continue;
      }
      next.set(i, p.withState(before.get(p.id()).entraState()));
      kept.add(p.id());
      runs.warn(
          cx.runId(),
          "Entra shows "
              + (p.upn().isEmpty() ? p.oid() : p.upn())
              + " as "
              + p.entraState().toLowerCase(java.util.Locale.ROOT)
              + ", but user "
              + user
              + " is the instance's last full administrator and stays active (DESIGN §3.6h):"
              + " make another user a full administrator, or run ./tenantry recover-admin");
    }
    return kept;
  }

  /**
   * The users this batch makes active again (DESIGN §9): those whose person Entra shows enabled
   * again after the sync marked it disabled or removed. Only the person's Entra state changes; a
   * user an administrator disabled or whose access expired stays inactive, its assignments (expired
   * ones included) untouched, so it is not named.
   */
  private List<UUID> reactivated(
      Context cx, java.util.Collection<SyncedPerson> current, List<SyncedPerson> next) {
    Map<UUID, SyncedPerson> before = new LinkedHashMap<>();
    current.forEach(p -> before.put(p.id(), p));
    List<UUID> back = new ArrayList<>();
    for (SyncedPerson p : next) {
      SyncedPerson was = before.get(p.id());
      if (p.active() && was != null && !was.active()) {
        back.add(p.id());
      }
    }
    return people.usersActiveApartFromPerson(cx.tenantId(), back);
  }

  private static List<UUID> ids(List<SyncedPerson> ps) {
    return ps.stream().map(SyncedPerson::id).toList();
  }
}
