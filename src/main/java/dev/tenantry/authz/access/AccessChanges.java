package dev.tenantry.authz.access;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.Decision;
import dev.tenantry.authz.RemovedAssignment;
import dev.tenantry.authz.engine.AccessDiff;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.FullAdmins;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.internal.AccessRules;
import dev.tenantry.authz.internal.AssignmentRepository;
import dev.tenantry.authz.internal.PolicyStore;
import dev.tenantry.authz.internal.TransactionPolicyChanges;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * DESIGN §3.10 for tenancy and directory: a structural change (tenant creation, move, kind change,
 * merge, tagging, computer creation and changes, moving people) calls {@link #lock()} before it
 * reads what it validates, makes its writes, then calls {@link #review()} before it records its
 * audit event. Review compares the committed snapshot with the snapshot plus this transaction's
 * writes, restricted to what they touched, and lists who newly gains which permission where.
 *
 * <p>A non-empty list needs two things from the caller: the right to create each grant it relies on
 * (rule 6 a, b, c, e via {@link AntiEscalation#canWiden}; else 403), and {@code
 * acceptAccessChanges} carrying the list's digest (a JSON body field, a form or query parameter, or
 * the {@code Accept-Access-Changes} header; else 409 {@code access-changes-unconfirmed} with the
 * list and its digest). Either refusal rolls the transaction back.
 */
@Service
public class AccessChanges {
  /** Request attribute: the digest the caller confirmed (set from a JSON body field). */
  public static final String ACCEPTED_ATTRIBUTE = "tenantry.acceptAccessChanges";

  /** Request attribute: the accepted, non-empty list of this request (added to the answer). */
  public static final String LIST_ATTRIBUTE = "tenantry.accessChanges";

  public static final String FIELD = "acceptAccessChanges";
  public static final String HEADER = "Accept-Access-Changes";

  private final AccessWriteLock lock;
  private final PolicyStore store;
  private final TransactionPolicyChanges pending;
  private final AccessDiff diff = new AccessDiff();
  private final AntiEscalation rules = new AntiEscalation();
  private final Clock clock = Clock.systemUTC();
  private final AccessRules accessRules;
  private final AssignmentRepository assignments;

  AccessChanges(
      AccessWriteLock lock,
      PolicyStore store,
      TransactionPolicyChanges pending,
      AccessRules accessRules,
      AssignmentRepository assignments) {
    this.lock = lock;
    this.store = store;
    this.pending = pending;
    this.accessRules = accessRules;
    this.assignments = assignments;
  }

  /** Serializes this access-changing write with every other (DESIGN §3.6j); until commit. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock() {
    lock.acquire();
  }

  /** What this transaction's writes so far newly grant, judged and confirmed as described above. */
  @Transactional(propagation = Propagation.MANDATORY)
  public AccessChangeList review() {
    return review(List.of());
  }

  /**
   * {@link #review()}, where the caller must also be able to create each of {@code created} (as
   * they stand after this transaction's writes) whether or not it newly grants anything: e.g.
   * assignments a merge re-points to the target.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public AccessChangeList review(Collection<UUID> created) {
    lock.acquire(); // re-entrant in one transaction; makes review safe even if lock() was missed
    TransactionPolicyChanges.Pending p = pending.read();
    if (p.changed().isEmpty()) {
      return AccessChangeList.NONE;
    }
    store.catchUp();
    PolicySnapshot before = store.snapshot();
    PolicySnapshot after = before.withChanges(before.revision(), p.changes());
    Instant now = clock.instant();
    AccessDiff.Result result = diff.compute(before, after, p.changed(), now);
    AccessChangeList list = result.list();
    UUID actor = Actors.current().userId();
    Optional<HttpServletRequest> request = request();
    if (actor == null && request.isEmpty()) {
      return list; // the system itself (start-up, scheduled jobs): nobody to ask
    }
    Set<UUID> judged = new LinkedHashSet<>(created);
    judged.addAll(result.assignmentIds());
    judge(after, actor, judged, list, now);
    if (list.isEmpty()) {
      return list;
    }
    if (!list.acceptedBy(accepted(request.orElse(null)))) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("digest", list.digest());
      details.put("accessChanges", list);
      throw new ApiException(
          ErrorCode.ACCESS_CHANGES_UNCONFIRMED,
          "This change gives "
              + list.users()
              + " user(s) access they did not have ("
              + list.grants()
              + " permission(s) on "
              + list.targets()
              + " target(s)); review the list and repeat the request with "
              + FIELD
              + " set to its digest",
          details);
    }
    request.ifPresent(r -> r.setAttribute(LIST_ATTRIBUTE, list));
    return list;
  }

  /**
   * DESIGN §3.6g for a cascade: deleting a computer removes the {@code RESOURCE(computer)}
   * assignments scoped to it, each judged like removing it (403 naming the assignment otherwise;
   * removing a DENY is judged as granting what it denied). Takes the lock; returns the assignments
   * for the deletion's audit event.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<RemovedAssignment> removedWithComputer(UUID computerId) {
    lock.acquire();
    store.catchUp();
    PolicySnapshot s = store.snapshot();
    List<RemovedAssignment> removed = new ArrayList<>();
    for (UUID id : assignments.idsOnComputer(computerId)) {
      accessRules.requireCanRemove(id);
      s.assignment(id)
          .ifPresent(
              a ->
                  removed.add(
                      new RemovedAssignment(
                          a.id(),
                          a.principal(),
                          a.roleId(),
                          a.effect(),
                          a.scope().toString(),
                          a.expiresAt())));
    }
    return removed;
  }

  /**
   * DESIGN §3.6h for writes that take users' access away in bulk without a caller to refuse
   * (directory sync marking people disabled or removed in Entra): of {@code losingAccess}, the one
   * user who must keep it because otherwise no full administrator would remain (empty when another
   * full administrator stays). Takes the lock, so batches and other access writes are judged one at
   * a time against the committed state.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<UUID> lastFullAdminAmong(Collection<UUID> losingAccess) {
    lock.acquire();
    if (losingAccess.isEmpty()) {
      return Set.of();
    }
    store.catchUp();
    List<UUID> admins = FullAdmins.of(store.snapshot(), clock.instant());
    if (admins.isEmpty() || !losingAccess.containsAll(admins)) {
      return Set.of();
    }
    return Set.of(admins.stream().sorted().findFirst().orElseThrow());
  }

  /**
   * The audit payload of a change that granted {@code list}: {@code after} itself when nothing was
   * gained, else {@code {"result": after, "accessChanges": list}}.
   */
  public static @Nullable Object audited(@Nullable Object after, AccessChangeList list) {
    if (list.isEmpty()) {
      return after;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", after);
    out.put("accessChanges", list);
    return out;
  }

  private void judge(
      PolicySnapshot after,
      @Nullable UUID actor,
      Set<UUID> assignments,
      AccessChangeList list,
      Instant now) {
    if (assignments.isEmpty()) {
      return;
    }
    if (actor == null) {
      throw ApiException.forbidden("You have no Tenantry user; request access first");
    }
    for (UUID id : assignments) {
      AssignmentNode a = after.assignment(id).orElse(null);
      if (a == null) {
        continue;
      }
      Decision d = rules.canWiden(after, actor, a.principal(), a.roleId(), a.scope(), now);
      if (!d.allowed()) {
        throw new ApiException(
            ErrorCode.FORBIDDEN,
            "This change would make role assignment "
                + id
                + " give access that you could not grant yourself ("
                + d.rule()
                + ")",
            Map.of("assignmentId", id, "rule", d.rule().name(), "accessChanges", list));
      }
    }
  }

  private static Optional<HttpServletRequest> request() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s
        ? Optional.of(s.getRequest())
        : Optional.empty();
  }

  private static @Nullable String accepted(@Nullable HttpServletRequest r) {
    if (r == null) {
      return null;
    }
    if (r.getAttribute(ACCEPTED_ATTRIBUTE) instanceof String s) {
      return s;
    }
    String param = r.getParameter(FIELD);
    return param != null ? param : r.getHeader(HEADER);
  }
}
