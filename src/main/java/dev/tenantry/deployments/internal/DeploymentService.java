package dev.tenantry.deployments.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.changes.ChangeRequests;
import dev.tenantry.changes.ProposedChange;
import dev.tenantry.deployments.internal.DeploymentAccess.Action;
import dev.tenantry.deployments.internal.DeploymentAccess.Mode;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Creates, edits and deletes deployments (DESIGN §8). Each change is judged by {@link
 * DeploymentAccess}: made directly (audited in the same transaction) or, when the caller may only
 * request it, filed as a change request (answered 202 with its id).
 */
@Service
public class DeploymentService {
  static final String TYPE = "deployment";

  private final DeploymentRepository repository;
  private final DeploymentAccess access;
  private final SubjectRules subjects;
  private final Authorizer authorizer;
  private final AuditLog audit;
  private final ObjectProvider<ChangeRequests> changeRequests;
  private final JsonMapper json;

  DeploymentService(
      DeploymentRepository repository,
      DeploymentAccess access,
      SubjectRules subjects,
      Authorizer authorizer,
      AuditLog audit,
      ObjectProvider<ChangeRequests> changeRequests,
      JsonMapper json) {
    this.repository = repository;
    this.access = access;
    this.subjects = subjects;
    this.authorizer = authorizer;
    this.audit = audit;
    this.changeRequests = changeRequests;
    this.json = json;
  }

  /** What a change came to: done (the deployment, or null when deleted) or requested. */
  public sealed interface Outcome {
    record Done(@Nullable Deployment deployment) implements Outcome {}

    record Requested(UUID changeRequestId) implements Outcome {}
  }

  @Transactional(readOnly = true)
  public Deployment get(UUID id) {
    return visible(authorizer.requireUser(), id);
  }

  @Transactional(readOnly = true)
  public Page<Deployment> list(DeploymentQuery query) {
    authorizer.requireUser();
    var where = query.where(ListFilter.of(authorizer));
    var total = repository.count(where);
    return new Page<>(
        repository.list(where, query.size(), (long) query.page() * query.size()),
        query.page(),
        query.size(),
        total.value(),
        total.estimated(),
        null);
  }

  @Transactional
  public Outcome create(DeploymentDraft draft) {
    UUID user = authorizer.requireUser();
    Placement p = access.place(user, draft.target().toTarget());
    Mode mode = access.judge(user, p, draft.enforced(), Action.WRITE);
    DeploymentDraft d = subjects.check(draft, p);
    if (mode == Mode.CHANGE_REQUEST) {
      return request(
          "deployment.create",
          null,
          p,
          "Create deployment '" + d.name() + "'",
          NullNode.getInstance(),
          json.valueToTree(d),
          null);
    }
    return new Outcome.Done(insert(d, p, user, null));
  }

  @Transactional
  public Outcome update(UUID id, long expectedVersion, DeploymentDraft draft) {
    UUID user = authorizer.requireUser();
    Deployment before = visible(user, id);
    if (before.version() != expectedVersion) {
      throw ApiException.stale(TYPE, id, expectedVersion, before.version());
    }
    Placement old = access.place(user, before.deploymentTarget());
    Placement p = access.place(user, draft.target().toTarget());
    Mode mode = access.judgeEdit(user, old, p, draft.enforced());
    DeploymentDraft d = subjects.check(draft, p);
    if (mode == Mode.CHANGE_REQUEST) {
      return request(
          "deployment.update",
          id,
          p,
          "Edit deployment '" + before.name() + "'",
          json.valueToTree(before.draft()),
          json.valueToTree(d),
          before.version());
    }
    return new Outcome.Done(change(before, d, p, null));
  }

  @Transactional
  public Outcome delete(UUID id, @Nullable Long expectedVersion) {
    UUID user = authorizer.requireUser();
    Deployment before = visible(user, id);
    if (expectedVersion != null && before.version() != expectedVersion) {
      throw ApiException.stale(TYPE, id, expectedVersion, before.version());
    }
    Placement p = access.place(user, before.deploymentTarget());
    if (access.judge(user, p, false, Action.DELETE) == Mode.CHANGE_REQUEST) {
      return request(
          "deployment.delete",
          id,
          p,
          "Delete deployment '" + before.name() + "'",
          json.valueToTree(before.draft()),
          NullNode.getInstance(),
          before.version());
    }
    remove(before, null);
    return new Outcome.Done(null);
  }

  /**
   * Inserts and audits (the caller has judged the change). {@code via} names the change request,
   * its author and approver when the change was approved; the audit event carries it.
   */
  Deployment insert(DeploymentDraft d, Placement p, UUID by, @Nullable Map<String, Object> via) {
    UUID id = UUID.randomUUID();
    repository.insert(id, d, p.ownerTenantId(), by);
    Deployment created = repository.find(id).orElseThrow();
    audit.record(
        AuditEntry.created(
            "deployment.created", TYPE, id, p.ownerTenantId(), withVia(created, via)));
    return created;
  }

  private static Object withVia(Deployment d, @Nullable Map<String, Object> via) {
    if (via == null) {
      return d;
    }
    Map<String, Object> m = new LinkedHashMap<>(via);
    m.put("deployment", d);
    return m;
  }

  Deployment change(
      Deployment before, DeploymentDraft d, Placement p, @Nullable Map<String, Object> via) {
    if (!repository.update(before.id(), before.version(), d, p.ownerTenantId())) {
      throw ApiException.conflict("Deployment " + before.id() + " changed meanwhile; reload it");
    }
    Deployment after = repository.find(before.id()).orElseThrow();
    audit.record(
        AuditEntry.changed(
            "deployment.updated",
            TYPE,
            before.id(),
            p.ownerTenantId() != null ? p.ownerTenantId() : before.ownerTenantId(),
            before,
            withVia(after, via)));
    return after;
  }

  void remove(Deployment before, @Nullable Map<String, Object> via) {
    if (!repository.delete(before.id(), before.version())) {
      throw ApiException.conflict("Deployment " + before.id() + " changed meanwhile; reload it");
    }
    audit.record(
        AuditEntry.deleted(
            "deployment.deleted", TYPE, before.id(), before.ownerTenantId(), before));
  }

  /** The deployment if the user may view it; 404 exactly like a random id otherwise. */
  Deployment visible(UUID user, UUID id) {
    return repository
        .find(id)
        .filter(d -> access.canView(user, d))
        .orElseThrow(() -> ApiException.notFound(TYPE, id));
  }

  private Outcome request(
      String kind,
      @Nullable UUID subject,
      Placement p,
      String summary,
      JsonNode before,
      JsonNode after,
      @Nullable Long version) {
    ChangeRequests requests = changeRequests.getIfAvailable();
    if (requests == null) {
      throw ApiException.forbidden(
          "This change needs a change request, and change requests are not available on this"
              + " instance");
    }
    UUID id =
        requests.submit(
            Actors.current(),
            new ProposedChange(kind, subject, p.ownerTenantId(), summary, before, after, version));
    return new Outcome.Requested(id);
  }
}
