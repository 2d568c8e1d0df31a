package dev.tenantry.changes.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.changes.ChangeRequestQueries;
import dev.tenantry.shared.web.ConsoleHeaderData;
import dev.tenantry.shared.web.ConsolePage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The navigation entry of every console page: shown to users who may view, file or approve change
 * requests anywhere; its badge counts the waiting requests the user may decide (one indexed count,
 * asked only of users who hold {@code change-requests:approve} somewhere).
 */
@ControllerAdvice(annotations = ConsolePage.class)
class ChangeRequestNav {
  private final Authorizer authorizer;
  private final ChangeRequestQueries queries;
  private final ConsoleHeaderData headerData;

  ChangeRequestNav(
      Authorizer authorizer, ChangeRequestQueries queries, ConsoleHeaderData headerData) {
    this.authorizer = authorizer;
    this.queries = queries;
    this.headerData = headerData;
  }

  /** Whether to show the entry, and the badge count (0: no badge). */
  record Entry(boolean shown, long waiting) {}

  /**
   * Remembered per caller, policy revision and console data version ({@link ConsoleHeaderData}).
   */
  @ModelAttribute("changeRequestsNav")
  Entry entry() {
    return headerData.get("changeRequestsNav", authorizer.revision(), this::compute);
  }

  private Entry compute() {
    if (!authorizer.isSignedInUser()) {
      return new Entry(false, 0);
    }
    boolean approves = authorizer.holdsAnywhere(Permission.CHANGE_REQUESTS_APPROVE);
    boolean shown =
        approves
            || authorizer.holdsAnywhere(Permission.CHANGE_REQUESTS_VIEW)
            || authorizer.holdsAnywhere(Permission.CHANGE_REQUESTS_CREATE);
    return new Entry(shown, approves ? queries.waitingForMyApproval() : 0);
  }
}
