package dev.tenantry.changes;

import dev.tenantry.shared.Actor;
import java.util.UUID;

/** Files change requests. Implemented by the change-request feature. */
public interface ChangeRequests {

  /**
   * Stores the change as a request {@code WAITING_FOR_APPROVAL} by {@code author}, audited, in the
   * caller's transaction, and returns its id. The caller has already checked that the author may
   * request it.
   */
  UUID submit(Actor author, ProposedChange change);
}
