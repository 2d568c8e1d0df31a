package dev.tenantry.identity.internal;

import org.springframework.stereotype.Component;

/** Makes one {@link ActorFilter} per filter chain (not a bean, so not also a servlet filter). */
@Component
class ActorFilters {
  private final UserRepository users;
  private final Impersonations impersonations;
  private final SignInAudit audit;
  private final ProblemAuthHandlers problems;
  private final SessionProperties sessions;

  ActorFilters(
      UserRepository users,
      Impersonations impersonations,
      SignInAudit audit,
      ProblemAuthHandlers problems,
      SessionProperties sessions) {
    this.users = users;
    this.impersonations = impersonations;
    this.audit = audit;
    this.problems = problems;
    this.sessions = sessions;
  }

  ActorFilter create() {
    return new ActorFilter(users, impersonations, audit, problems, sessions);
  }
}
