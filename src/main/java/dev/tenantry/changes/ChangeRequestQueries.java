package dev.tenantry.changes;

import java.util.List;
import java.util.UUID;

/** Read-only questions other features ask about change requests, for the current caller. */
public interface ChangeRequestQueries {

  /**
   * The open requests ({@code WAITING_FOR_APPROVAL}, {@code NEEDS_ATTENTION}) on the object {@code
   * subjectId} that the current caller may see (their own, or on a tenant where they hold {@code
   * change-requests:view}), newest first, at most 100.
   */
  List<OpenChangeRequest> openFor(UUID subjectId);

  /**
   * How many requests wait for the current caller's approval: {@code WAITING_FOR_APPROVAL}, not
   * their own, on a tenant where they hold {@code change-requests:approve} (cross-tenant ones: at
   * OWNER or at the request's MSP). Zero for a caller who may approve nothing; FORBIDDEN for a
   * caller without a user.
   */
  long waitingForMyApproval();
}
