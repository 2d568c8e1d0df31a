package dev.tenantry.deployments.internal;

import dev.tenantry.changes.ChangeApplier;
import dev.tenantry.changes.ProposedChange;
import dev.tenantry.deployments.internal.DeploymentAccess.Action;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies approved deployment change requests ({@code deployment.create|update|delete}, DESIGN §8):
 * judged by the approver's own rights, exactly as if the approver made the change directly (reach,
 * enforcement, the preference gate; an edit at its old and new target), re-validated (subject,
 * pinned version, target) and audited naming the change request, its author and the approver.
 */
@Component
class DeploymentChangeApplier implements ChangeApplier {
  private static final Set<String> KINDS =
      Set.of("deployment.create", "deployment.update", "deployment.delete");

  private final DeploymentService service;
  private final DeploymentAccess access;
  private final SubjectRules subjects;
  private final JsonMapper json;

  DeploymentChangeApplier(
      DeploymentService service, DeploymentAccess access, SubjectRules subjects, JsonMapper json) {
    this.service = service;
    this.access = access;
    this.subjects = subjects;
    this.json = json;
  }

  @Override
  public boolean handles(String kind) {
    return KINDS.contains(kind);
  }

  @Override
  public void checkApprover(Actor approver, ProposedChange change) {
    Actors.runAs(approver, () -> judge(approver, change));
  }

  @Override
  public @Nullable UUID apply(
      Actor author, Actor approver, UUID changeRequestId, ProposedChange change) {
    return Actors.runAs(
        approver,
        () -> {
          Judged j = judge(approver, change);
          Map<String, Object> via = new LinkedHashMap<>();
          via.put("changeRequestId", changeRequestId);
          via.put("authorUserId", author.userId());
          via.put("approverUserId", approver.userId());
          return switch (change.kind()) {
            case "deployment.create" ->
                service.insert(j.draft(), j.placement(), requireUser(author), via).id();
            case "deployment.update" ->
                service.change(j.current(), j.draft(), j.placement(), via).id();
            default -> {
              service.remove(j.current(), via);
              yield null;
            }
          };
        });
  }

  private record Judged(
      @Nullable Deployment current,
      @Nullable DeploymentDraft draft,
      @Nullable Placement placement) {}

  /** Throws unless the approver could make the change directly now; returns what to apply. */
  private Judged judge(Actor approver, ProposedChange change) {
    UUID user = requireUser(approver);
    if (change.kind().equals("deployment.create")) {
      DeploymentDraft d = draft(change);
      Placement p = access.place(user, d.target().toTarget());
      access.requireDirect(user, p, d.enforced(), Action.WRITE);
      return new Judged(null, subjects.check(d, p), p);
    }
    UUID id = Objects.requireNonNull(change.subjectId(), "subjectId");
    Deployment current = service.visible(user, id);
    if (change.subjectVersion() != null && current.version() != change.subjectVersion()) {
      throw ApiException.conflict(
          "Deployment " + id + " changed since the request was made; the author should review it");
    }
    Placement old = access.place(user, current.deploymentTarget());
    if (change.kind().equals("deployment.delete")) {
      access.requireDirect(user, old, false, Action.DELETE);
      return new Judged(current, null, old);
    }
    if (!change.kind().equals("deployment.update")) {
      throw ApiException.invalid("Not a deployment change: " + change.kind());
    }
    DeploymentDraft d = draft(change);
    Placement p = access.place(user, d.target().toTarget());
    access.requireDirect(user, old, false, Action.WRITE);
    access.requireDirect(user, p, d.enforced(), Action.WRITE);
    return new Judged(current, subjects.check(d, p), p);
  }

  private DeploymentDraft draft(ProposedChange change) {
    try {
      return json.treeToValue(change.after(), DeploymentDraft.class);
    } catch (RuntimeException e) {
      throw ApiException.invalid("The change request does not hold a deployment");
    }
  }

  private static UUID requireUser(Actor actor) {
    if (actor.userId() == null) {
      throw ApiException.forbidden("You have no Tenantry user; request access first");
    }
    return actor.userId();
  }
}
