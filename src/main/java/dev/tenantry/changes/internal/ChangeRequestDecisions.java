package dev.tenantry.changes.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.changes.ChangeApplier;
import dev.tenantry.changes.ChangeRequestState;
import dev.tenantry.changes.ProposedChange;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state machine (DESIGN §8): {@code WAITING_FOR_APPROVAL} → {@code APPROVED_AND_APPLIED} |
 * {@code DENIED} | {@code NEEDS_ATTENTION}; the author's edit returns a request to waiting; the
 * author withdraws an open request ({@code CANCELLED}). Approval runs the feature's {@link
 * ChangeApplier} in the same transaction as the state change and its audit event; when the applier
 * answers that the subject changed since (409), that transaction rolls back and the request moves
 * to {@code NEEDS_ATTENTION} in its own, audited, before the 409 goes back.
 */
@Service
public class ChangeRequestDecisions {
  private final ChangeRequestRepository repository;
  private final ChangeRequestAccess access;
  private final ChangeRequestService requests;
  private final AuditLog audit;
  private final ObjectProvider<ChangeApplier> appliers;
  private final TransactionTemplate tx;
  private final JsonMapper json;

  ChangeRequestDecisions(
      ChangeRequestRepository repository,
      ChangeRequestAccess access,
      ChangeRequestService requests,
      AuditLog audit,
      ObjectProvider<ChangeApplier> appliers,
      TransactionTemplate tx,
      JsonMapper json) {
    this.repository = repository;
    this.access = access;
    this.requests = requests;
    this.audit = audit;
    this.appliers = appliers;
    this.tx = tx;
    this.json = json;
  }

  /** Approves the version of the request the approver saw, applying it atomically. */
  public ChangeRequestViews.Detail approve(UUID id, long expectedVersion, @Nullable String reason) {
    try {
      return tx.execute(s -> approveNow(id, expectedVersion, reason));
    } catch (SubjectChanged e) {
      tx.executeWithoutResult(s -> needsAttention(id, e.getCause().getMessage()));
      throw new ApiException(
          ErrorCode.CONFLICT,
          "The object this request changes was changed since the request was made: "
              + e.getCause().getMessage()
              + " The request now needs its author's attention.",
          Map.of("state", ChangeRequestState.NEEDS_ATTENTION.name()));
    }
  }

  private ChangeRequestViews.Detail approveNow(
      UUID id, long expectedVersion, @Nullable String reason) {
    ChangeRequestRow r = decidable(id, expectedVersion, ChangeRequestState.WAITING_FOR_APPROVAL);
    ChangeApplier applier = applier(r.kind());
    ProposedChange change = change(r);
    Actor approver = Actors.current();
    String why = reason(reason, false);
    applier.checkApprover(approver, change);
    UUID result;
    try {
      result = applier.apply(author(r), approver, id, change);
    } catch (ApiException e) {
      if (e.code().status() == HttpStatus.CONFLICT || e.code() == ErrorCode.STALE_VERSION) {
        throw new SubjectChanged(e);
      }
      throw e;
    }
    repository.decide(
        id,
        ChangeRequestState.APPROVED_AND_APPLIED,
        approver.userId(),
        approver.impersonatorUserId(),
        why,
        result);
    record("change-request.approved", r, why, result);
    return requests.detail(repository.find(id).orElseThrow());
  }

  public ChangeRequestViews.Detail deny(
      UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
    return tx.execute(
        s -> {
          ChangeRequestRow r = decidable(id, expectedVersion, null);
          String why = reason(reason, true);
          Actor me = Actors.current();
          repository.decide(
              id, ChangeRequestState.DENIED, me.userId(), me.impersonatorUserId(), why, null);
          record("change-request.denied", r, why, null);
          return requests.detail(repository.find(id).orElseThrow());
        });
  }

  public ChangeRequestViews.Detail requireChanges(
      UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
    return tx.execute(
        s -> {
          ChangeRequestRow r =
              decidable(id, expectedVersion, ChangeRequestState.WAITING_FOR_APPROVAL);
          String why = reason(reason, true);
          Actor me = Actors.current();
          repository.decide(
              id,
              ChangeRequestState.NEEDS_ATTENTION,
              me.userId(),
              me.impersonatorUserId(),
              why,
              null);
          record("change-request.changes-required", r, why, null);
          return requests.detail(repository.find(id).orElseThrow());
        });
  }

  /** The author's new proposal ({@code after}); the request waits for approval again. */
  public ChangeRequestViews.Detail revise(
      UUID id, long expectedVersion, @Nullable String summary, JsonNode after) {
    return tx.execute(
        s -> {
          ChangeRequestRow r = locked(id);
          access.requireAuthor(r, "edit");
          requireOpen(r, expectedVersion);
          if (!after.isObject()) {
            throw ApiException.invalid("after: the proposed object, as a JSON object");
          }
          String text = json.writeValueAsString(after);
          if (text.length() > 2_000_000) {
            throw ApiException.invalid("after: at most 2,000,000 characters of JSON");
          }
          String newSummary = summary == null ? r.summary() : ChangeRequestService.summary(summary);
          repository.revise(id, newSummary, text);
          ChangeRequestRow saved = repository.find(id).orElseThrow();
          audit.record(
              AuditEntry.changed(
                  "change-request.revised",
                  ChangeRequestService.TYPE,
                  id,
                  r.tenantId(),
                  requests.auditView(r),
                  requests.auditView(saved)));
          return requests.detail(saved);
        });
  }

  /** The author withdraws an open request: it stays, {@code CANCELLED}, for the record. */
  public ChangeRequestViews.Detail withdraw(UUID id, @Nullable Long expectedVersion) {
    return tx.execute(
        s -> {
          ChangeRequestRow r = locked(id);
          access.requireAuthor(r, "withdraw");
          requireOpen(r, expectedVersion);
          Actor me = Actors.current();
          repository.decide(
              id, ChangeRequestState.CANCELLED, me.userId(), me.impersonatorUserId(), null, null);
          record("change-request.withdrawn", r, null, null);
          return requests.detail(repository.find(id).orElseThrow());
        });
  }

  private void needsAttention(UUID id, String why) {
    ChangeRequestRow r = repository.lock(id).orElseThrow();
    if (r.stateValue() != ChangeRequestState.WAITING_FOR_APPROVAL) {
      return;
    }
    Actor me = Actors.current();
    String reason = "The object changed since the request was made: " + why;
    repository.decide(
        id,
        ChangeRequestState.NEEDS_ATTENTION,
        me.userId(),
        me.impersonatorUserId(),
        reason.length() > 2000 ? reason.substring(0, 2000) : reason,
        null);
    record("change-request.needs-attention", r, reason, null);
  }

  /** A visible request, in {@code state} (any open state when null), that the caller may decide. */
  private ChangeRequestRow decidable(
      UUID id, @Nullable Long expectedVersion, @Nullable ChangeRequestState state) {
    ChangeRequestRow r = locked(id);
    access.requireDecider(r);
    requireOpen(r, expectedVersion);
    if (state != null && r.stateValue() != state) {
      throw ApiException.conflict(
          "Change request " + id + " is " + r.state() + "; this needs " + state);
    }
    return r;
  }

  private ChangeRequestRow locked(UUID id) {
    return access.requireVisible(repository.lock(id), id);
  }

  private void requireOpen(ChangeRequestRow r, @Nullable Long expectedVersion) {
    UUID id = r.id();
    if (!r.stateValue().open()) {
      throw ApiException.conflict(
          "Change request " + id + " is " + r.state() + " and can no longer change");
    }
    if (expectedVersion != null && expectedVersion != r.version()) {
      throw ApiException.stale("change request", id, expectedVersion, r.version());
    }
  }

  private void record(
      String action, ChangeRequestRow before, @Nullable String reason, @Nullable UUID result) {
    Actor me = Actors.current();
    Map<String, Object> after = new LinkedHashMap<>(requests.auditView(before));
    after.put("state", repository.find(before.id()).orElseThrow().state());
    if (me.userId() != null && !me.userId().equals(before.authorUserId())) {
      after.put("decidedBy", me.userId().toString());
    }
    if (reason != null) {
      after.put("reason", reason);
    }
    if (result != null) {
      after.put("resultId", result.toString());
    }
    audit.record(
        AuditEntry.changed(
            action,
            ChangeRequestService.TYPE,
            before.id(),
            before.tenantId(),
            requests.auditView(before),
            after));
  }

  private ChangeApplier applier(String kind) {
    return appliers
        .orderedStream()
        .filter(a -> a.handles(kind))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.conflict(
                    "No feature applies changes of kind '" + kind + "' on this instance"));
  }

  private ProposedChange change(ChangeRequestRow r) {
    return new ProposedChange(
        r.kind(),
        r.subjectId(),
        r.tenantId(),
        r.summary(),
        json.readTree(r.beforeJson()),
        json.readTree(r.afterJson()),
        r.subjectVersion());
  }

  /** The author as the applier sees them: their user, named, in the approving request. */
  private Actor author(ChangeRequestRow r) {
    Actor me = Actors.current();
    String name =
        requests.names(java.util.List.of(r.authorUserId())).getOrDefault(r.authorUserId(), "user");
    return new Actor(
        r.authorUserId(), name, r.authorImpersonatorUserId(), me.requestId(), me.clientIp());
  }

  private static @Nullable String reason(@Nullable String reason, boolean required) {
    String s = reason == null ? "" : reason.strip();
    if (s.isEmpty()) {
      if (required) {
        throw ApiException.invalid("reason: say why");
      }
      return null;
    }
    if (s.length() > 2000) {
      throw ApiException.invalid("reason: at most 2000 characters");
    }
    return s;
  }

  /** The applier's 409: roll the approval back, then mark the request. */
  private static final class SubjectChanged extends RuntimeException {
    SubjectChanged(ApiException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized ApiException getCause() {
      return (ApiException) super.getCause();
    }
  }
}
