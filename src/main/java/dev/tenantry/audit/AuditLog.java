package dev.tenantry.audit;

import dev.tenantry.audit.internal.AuditRepository;
import dev.tenantry.audit.internal.ChainHasher;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail. {@link #record} joins the caller's transaction (it refuses to run without one),
 * so an event exists exactly when its change committed.
 */
@Service
public class AuditLog {
  private final AuditRepository repository;
  private final JsonMapper json;

  AuditLog(AuditRepository repository, JsonMapper json) {
    this.repository = repository;
    this.json = json;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEvent record(AuditEntry entry) {
    return append(Actors.current(), entry);
  }

  /** Records with an explicit actor (security events raised before the actor is established). */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEvent recordAs(Actor actor, AuditEntry entry) {
    return append(actor, entry);
  }

  private AuditEvent append(Actor actor, AuditEntry e) {
    AuditRepository.Head head = repository.lockHead();
    long seq = head.lastSeq() + 1;
    AuditEvent unsigned =
        new AuditEvent(
            seq,
            UUID.randomUUID(),
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            actor.userId(),
            actor.label(),
            actor.impersonatorUserId(),
            e.action(),
            e.targetType(),
            e.targetId(),
            e.tenantId(),
            toJson(e.before()),
            toJson(e.after()),
            actor.requestId(),
            actor.clientIp(),
            head.lastHash(),
            "");
    AuditEvent event = withHash(unsigned, ChainHasher.hash(unsigned));
    repository.insert(event);
    repository.moveHead(seq, event.hash());
    return event;
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> list(AuditQuery query) {
    return repository.find(query);
  }

  /** Re-walks the whole chain; any edited, deleted, inserted or reordered row breaks it. */
  @Transactional(readOnly = true)
  public ChainVerification verify() {
    return repository.verify();
  }

  private @Nullable String toJson(@Nullable Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }

  private static AuditEvent withHash(AuditEvent e, String hash) {
    return new AuditEvent(
        e.seq(),
        e.id(),
        e.at(),
        e.actorUserId(),
        e.actorLabel(),
        e.impersonatorUserId(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.tenantId(),
        e.beforeJson(),
        e.afterJson(),
        e.requestId(),
        e.clientIp(),
        e.prevHash(),
        hash);
  }
}
