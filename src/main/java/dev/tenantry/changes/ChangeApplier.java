package dev.tenantry.changes;

import dev.tenantry.shared.Actor;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Applies approved changes of some kinds. A feature that proposes changes registers one bean per
 * kind family; the change-request feature calls it when an approver approves.
 */
public interface ChangeApplier {

  /** Whether this applier applies changes of {@code kind}. */
  boolean handles(String kind);

  /**
   * Refuses (with the feature's usual ApiException: 403 or 404 like a random id) when {@code
   * approver} could not make this change directly with their own rights; changes nothing.
   */
  void checkApprover(Actor approver, ProposedChange change);

  /**
   * Applies the change inside the caller's transaction, as {@code approver} on behalf of {@code
   * author}, and writes the feature's own audit event naming both; returns the id of the object
   * created or changed (null for a delete). Throws a 409 ApiException when the subject changed
   * since the request was made.
   */
  @Nullable UUID apply(Actor author, Actor approver, UUID changeRequestId, ProposedChange change);
}
