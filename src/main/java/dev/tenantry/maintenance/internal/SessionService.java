package dev.tenantry.maintenance.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.deployments.ApplicableDeployments;
import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.directory.Computer;
import dev.tenantry.directory.Computers;
import dev.tenantry.maintenance.MaintenanceRequests;
import dev.tenantry.maintenance.SessionView;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance sessions requested by users (DESIGN §8): {@code computers:run-maintenance} on each
 * computer; seen with {@code maintenance-sessions:view} and {@code computers:view} on the
 * computer's tenant — read from the computer now, so a session follows its computer when it moves;
 * cancelled with {@code maintenance-sessions:manage}. Deployments are resolved at creation.
 */
@Service
public class SessionService implements MaintenanceRequests {
  static final String TYPE = "maintenance-session";
  private final MaintenanceSessionRepository sessions;
  private final Computers computers;
  private final Authorizer authorizer;
  private final ObjectProvider<ApplicableDeployments> deployments;
  private final AuditLog audit;

  SessionService(
      MaintenanceSessionRepository sessions,
      Computers computers,
      Authorizer authorizer,
      ObjectProvider<ApplicableDeployments> deployments,
      AuditLog audit) {
    this.sessions = sessions;
    this.computers = computers;
    this.authorizer = authorizer;
    this.deployments = deployments;
    this.audit = audit;
  }

  /** One session per computer, all or none, with one audit event. */
  @Transactional
  public List<SessionView> request(List<UUID> computerIds) {
    UUID me = authorizer.requireUser();
    List<UUID> ids = List.copyOf(new LinkedHashSet<>(computerIds));
    if (ids.isEmpty() || ids.size() > 1000) {
      throw ApiException.invalid("computerIds: 1 to 1,000 computers");
    }
    List<Computer> chosen = new ArrayList<>();
    for (UUID id : ids) {
      Computer c = computers.find(id).orElseThrow(() -> ApiException.notFound("computer", id));
      authorizer.requireVisible(Permission.COMPUTERS_VIEW, Target.computer(id), "computer", id);
      authorizer.require(Permission.COMPUTERS_RUN_MAINTENANCE, Target.computer(id));
      chosen.add(c);
    }
    List<SessionView> created = new ArrayList<>();
    ApplicableDeployments applicable = deployments.getIfAvailable();
    Map<UUID, List<AppliedDeployment>> resolved =
        applicable == null ? Map.of() : applicable.forComputers(ids);
    for (Computer c : chosen) {
      UUID id = UUID.randomUUID();
      sessions.insert(id, c.id(), "USER", resolved.getOrDefault(c.id(), List.of()), me);
      created.add(sessions.find(id, false).orElseThrow());
    }
    audit.record(
        AuditEntry.created(
            "maintenance-session.requested",
            TYPE,
            created.get(0).id(),
            created.get(0).tenantId(),
            Map.of(
                "sessions",
                created.stream()
                    .map(
                        s ->
                            Map.of(
                                "id",
                                s.id(),
                                "computerId",
                                s.computerId(),
                                "tenantId",
                                s.tenantId()))
                    .toList())));
    return created;
  }

  @Override
  @Transactional
  public UUID onboarding(UUID computerId) {
    Computer c =
        computers.find(computerId).orElseThrow(() -> ApiException.notFound("computer", computerId));
    UUID id = UUID.randomUUID();
    sessions.insert(
        id, c.id(), "ONBOARDING", resolve(c.id()), authorizer.currentUserId().orElse(null));
    SessionView s = sessions.find(id, false).orElseThrow();
    audit.record(AuditEntry.created("maintenance-session.requested", TYPE, id, s.tenantId(), s));
    return id;
  }

  @Transactional(readOnly = true)
  public SessionView get(UUID id) {
    return visible(id, false);
  }

  @Transactional(readOnly = true)
  public Page<SessionView> list(SessionFilter filter, int page, int size) {
    authorizer.requireUser(); // an identity without a user has no sessions
    SqlPredicate visible = listFilter();
    return new Page<>(
        sessions.list(visible, filter, page, size), page, size, sessions.count(visible, filter));
  }

  @Transactional(readOnly = true)
  public SessionViews.Log log(UUID id, int after) {
    return new SessionViews.Log(visible(id, false), sessions.log(id, after, 1000));
  }

  @Transactional
  public SessionView cancel(UUID id) {
    SessionView before = visible(id, true);
    authorizer.require(
        Permission.MAINTENANCE_SESSIONS_MANAGE, Target.computer(before.computerId()));
    if (before.ended()) {
      throw ApiException.conflict("Session " + id + " has already ended (" + before.status() + ")");
    }
    sessions.finish(id, "CANCELLED", null, authorizer.requireUser());
    SessionView after = sessions.find(id, false).orElseThrow();
    audit.record(
        AuditEntry.changed(
            "maintenance-session.cancelled", TYPE, id, after.tenantId(), before, after));
    return after;
  }

  /** Whether the caller may request maintenance on the computer (the console's button). */
  public boolean canRun(UUID computerId) {
    return authorizer
        .check(Permission.COMPUTERS_RUN_MAINTENANCE, Target.computer(computerId))
        .allowed();
  }

  public boolean canCancel(UUID computerId) {
    return authorizer
        .check(Permission.MAINTENANCE_SESSIONS_MANAGE, Target.computer(computerId))
        .allowed();
  }

  private List<AppliedDeployment> resolve(UUID computerId) {
    ApplicableDeployments a = deployments.getIfAvailable();
    return a == null ? List.of() : a.forComputer(computerId);
  }

  private SqlPredicate listFilter() {
    if (authorizer.currentUserId().isEmpty()) {
      return SqlPredicate.FALSE;
    }
    SqlPredicate view = authorizer.computers(Permission.COMPUTERS_VIEW).sql("c", "sview");
    SqlPredicate sessionsView =
        authorizer.computers(Permission.MAINTENANCE_SESSIONS_VIEW).sql("c", "msview");
    Map<String, Object> params = new HashMap<>(view.params());
    params.putAll(sessionsView.params());
    return new SqlPredicate("(" + view.sql() + ") and (" + sessionsView.sql() + ")", params);
  }

  private SessionView visible(UUID id, boolean lock) {
    SessionView s = sessions.find(id, lock).orElseThrow(() -> ApiException.notFound(TYPE, id));
    Target c = Target.computer(s.computerId());
    if (!authorizer.check(Permission.COMPUTERS_VIEW, c).allowed()
        || !authorizer.check(Permission.MAINTENANCE_SESSIONS_VIEW, c).allowed()) {
      throw ApiException.notFound(TYPE, id);
    }
    return s;
  }
}
