package dev.tenantry.identity.internal;

import org.springframework.stereotype.Component;

/** Makes one {@link ActorFilter} per filter chain (not a bean, so not also a servlet filter). */
@Component
class ActorFilters {
  private final ActorResolver resolver;
  private final SignInAudit audit;
  private final ProblemAuthHandlers problems;
  private final SessionProperties sessions;

  ActorFilters(
      ActorResolver resolver,
      SignInAudit audit,
      ProblemAuthHandlers problems,
      SessionProperties sessions) {
    this.resolver = resolver;
    this.audit = audit;
    this.problems = problems;
    this.sessions = sessions;
  }

  ActorFilter create() {
    return new ActorFilter(resolver, audit, problems, sessions);
  }
}
