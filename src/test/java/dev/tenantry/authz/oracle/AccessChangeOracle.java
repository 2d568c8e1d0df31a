package dev.tenantry.authz.oracle;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.engine.AssignmentNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The independent anti-escalation oracle (DESIGN §3.6, §5), written from the definition: once the
 * rules accept a request, every (permission, target) it gives anyone — now, at any later time, and
 * after later structural changes by a full administrator — must be allowed by the actor's
 * assignments as they were when the request was made (frozen), until the gift ends.
 *
 * <p>"Gives" is measured, not derived: a user is given (p, x) at time τ when the world with the
 * request allows it and the same world without the request does not (for impersonation: the target
 * holds it and the session runs). Two exclusions, each by before/after comparison of one structural
 * step: a pair the step itself newly gives by carrying something across tenants or MSPs (a move or
 * a merge — DESIGN §3.10 lists that gain to the administrator, who accepts it), and a pair whose
 * support by the actor's frozen assignments the step takes away (the administrator revoked the
 * actor; no one escalated). Growth that a scope's reach already contains — tagging, creating
 * tenants and computers, changing types — is never excluded. Also: an inactive actor changes
 * nothing; no one changes their own assignments or memberships; no one impersonates a user who may
 * impersonate.
 */
final class AccessChangeOracle {
  /** The system under test: does it accept the request of the actor over this world? */
  interface Judge {
    boolean accepts(OracleWorld world, UUID actor, OracleRequest request, Instant now);
  }

  private AccessChangeOracle() {}

  /** Empty when the case holds; else what escalated. */
  static Optional<String> violation(OracleCases.Case c, Judge judge) {
    OracleWorld before = c.world().copy();
    OracleRequest req = c.request();
    if (req instanceof OracleRequest.Approve a) {
      before.users.put(a.newUser(), new OracleWorld.User(a.newUser(), a.tenant(), true, null));
    }
    Instant now = c.now();
    if (!judge.accepts(before.copy(), c.actor(), req, now)) {
      return Optional.empty();
    }
    OracleWorld.User actor = before.users.get(c.actor());
    if (!actor.activeAt(now)) {
      return Optional.of("an inactive actor changed access: " + req);
    }
    if (self(before, c.actor(), req)) {
      return Optional.of("the actor changed their own access: " + req);
    }
    if (req instanceof OracleRequest.Impersonate i
        && DefinitionAccess.allowed(
            before, i.target(), Permission.USERS_IMPERSONATE, DefinitionAccess.SYSTEM, now)) {
      return Optional.of("impersonated a user who may impersonate: " + req);
    }
    List<AssignmentNode> frozen = List.copyOf(before.assignmentsOf(c.actor()));
    Map<UUID, OracleWorld.Role> frozenRoles = Map.copyOf(before.roles);
    OracleWorld with = req.applyTo(before);
    OracleWorld without = before.copy();
    Set<UUID> users = affected(before, with, c.actor(), req);
    Set<Permission> perms = EnumSet.copyOf(OracleCases.PERMS);
    Set<Instant> times = times(with, frozen, actor, req, now);
    Set<String> excluded = new HashSet<>();
    Map<String, Boolean> prevWith = Map.of();
    Map<String, Boolean> prevSupport = Map.of();
    for (int i = 0; i <= c.later().size(); i++) {
      OracleCases.Step step = i == 0 ? null : c.later().get(i - 1);
      if (step != null) {
        step.apply().accept(with);
        step.apply().accept(without);
      }
      Map<String, Boolean> nowWith = new java.util.HashMap<>();
      Map<String, Boolean> nowSupport = new java.util.HashMap<>();
      UUID actorTenant = with.users.get(c.actor()).tenant();
      for (UUID u : users) {
        for (Permission p : perms) {
          for (UUID x : targets(with, p)) {
            for (Instant t : times) {
              String key = u + "|" + p + "|" + x + "|" + t;
              boolean given = gives(with, without, c.actor(), req, u, p, x, t);
              boolean has = holder(with, c.actor(), req, u, p, x, t);
              boolean support =
                  DefinitionAccess.allowed(
                      with,
                      actorTenant,
                      actor.enabled(),
                      actor.accessExpires(),
                      frozen,
                      frozenRoles,
                      p,
                      x,
                      t);
              nowWith.put(key, has);
              nowSupport.put(key, support);
              if (step != null) {
                if (step.crossing() && has && !prevWith.getOrDefault(key, false)) {
                  excluded.add(key); // a move or merge gave it: §3.10 names it
                }
                if (!support && prevSupport.getOrDefault(key, false)) {
                  excluded.add(key); // the administrator took the actor's support away
                }
              }
              if (given && !support && !excluded.contains(key)) {
                return Optional.of(
                    "%s gave %s '%s' on %s at %s%s, which the actor's assignments at request time do not allow"
                        .formatted(
                            req,
                            u,
                            p.key(),
                            x,
                            t,
                            step == null ? "" : " after " + describe(c.later(), i)));
              }
            }
          }
        }
      }
      prevWith = nowWith;
      prevSupport = nowSupport;
    }
    return Optional.empty();
  }

  private static String describe(List<OracleCases.Step> steps, int upTo) {
    return steps.subList(0, upTo).stream().map(OracleCases.Step::what).toList().toString();
  }

  /** The user is given (p, x) at t by the request. */
  private static boolean gives(
      OracleWorld with,
      OracleWorld without,
      UUID actor,
      OracleRequest req,
      UUID u,
      Permission p,
      UUID x,
      Instant t) {
    if (req instanceof OracleRequest.Impersonate i) {
      return u.equals(actor)
          && t.isBefore(i.until())
          && DefinitionAccess.allowed(with, i.target(), p, x, t);
    }
    return DefinitionAccess.allowed(with, u, p, x, t)
        && !DefinitionAccess.allowed(without, u, p, x, t);
  }

  /** Whoever receives the gift holds (p, x) at t (for impersonation: through the target). */
  private static boolean holder(
      OracleWorld with, UUID actor, OracleRequest req, UUID u, Permission p, UUID x, Instant t) {
    if (req instanceof OracleRequest.Impersonate i) {
      return DefinitionAccess.allowed(with, i.target(), p, x, t);
    }
    return DefinitionAccess.allowed(with, u, p, x, t);
  }

  private static boolean self(OracleWorld w, UUID actor, OracleRequest req) {
    return switch (req) {
      case OracleRequest.Assign a -> a.principal().equals(Principal.user(actor));
      case OracleRequest.Remove r -> {
        AssignmentNode a = w.assignments.get(r.assignment());
        yield a != null && a.principal().equals(Principal.user(actor));
      }
      case OracleRequest.AddMember m -> m.user().equals(actor);
      default -> false;
    };
  }

  /** Users whose access the request can change. */
  private static Set<UUID> affected(
      OracleWorld before, OracleWorld with, UUID actor, OracleRequest req) {
    Set<UUID> out = new LinkedHashSet<>();
    if (req instanceof OracleRequest.Impersonate) {
      out.add(actor);
      return out;
    }
    for (UUID u : with.users.keySet()) {
      if (!new HashSet<>(before.assignmentsOf(u)).equals(new HashSet<>(with.assignmentsOf(u)))
          || (req instanceof OracleRequest.EditRole e
              && with.assignmentsOf(u).stream().anyMatch(a -> a.roleId().equals(e.role())))) {
        out.add(u);
      }
    }
    return out;
  }

  private static List<UUID> targets(OracleWorld w, Permission p) {
    if (p.system()) {
      return List.of(DefinitionAccess.SYSTEM);
    }
    List<UUID> out = new ArrayList<>(w.tenants.keySet());
    out.addAll(w.computers.keySet());
    return out;
  }

  /**
   * Now, far later, and both sides of every instant at which something relevant expires: access
   * only shrinks over time (no assignment starts later), so these are all the times that differ.
   */
  private static Set<Instant> times(
      OracleWorld with,
      List<AssignmentNode> frozen,
      OracleWorld.User actor,
      OracleRequest req,
      Instant now) {
    Set<Instant> ends = new TreeSet<>();
    with.assignments.values().forEach(a -> add(ends, a.expiresAt()));
    frozen.forEach(a -> add(ends, a.expiresAt()));
    with.users.values().forEach(u -> add(ends, u.accessExpires()));
    add(ends, actor.accessExpires());
    if (req instanceof OracleRequest.Impersonate i) {
      add(ends, i.until());
    }
    Set<Instant> out = new TreeSet<>();
    out.add(now);
    out.add(now.plus(Duration.ofDays(3650)));
    for (Instant e : ends) {
      if (e.isAfter(now)) {
        out.add(e.minusSeconds(1));
        out.add(e);
      }
    }
    return out;
  }

  private static void add(Set<Instant> s, Instant i) {
    if (i != null) {
      s.add(i);
    }
  }

  static boolean isDeny(AssignmentNode a) {
    return a.effect() == Effect.DENY;
  }
}
