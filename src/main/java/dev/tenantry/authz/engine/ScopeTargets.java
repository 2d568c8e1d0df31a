package dev.tenantry.authz.engine;

import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The targets a scope covers now, exactly as the engine's matching does (DESIGN §2's table, with
 * {@link Matcher}'s own tree test): present tenants, and for a RESOURCE scope the computers it
 * selects whose tenant is present (the engine answers nothing about a target whose tenant is
 * absent). A tenant listed stands for its computers too. A scope that names an absent tenant still
 * covers what the engine covers through that id — MSP(m) without m's row still covers the tenants
 * whose msp_id is m, TENANT(t, children) the tenants under t, a selector limited to an absent MSP
 * the computers of that MSP's tenants — so judging it by "nothing to decide" would under-judge it.
 * Empty optional only when the scope names an absent tenant or computer and covers nothing now
 * (nothing sensible to decide: callers refuse). O(tenants) or, for tag/type selectors,
 * O(computers): rare admin actions.
 */
public final class ScopeTargets {
  private ScopeTargets() {}

  public static Optional<List<Target>> of(PolicySnapshot s, Scope scope, Principal principal) {
    List<Target> out = new ArrayList<>();
    boolean namesAbsent =
        switch (scope) {
          case Scope.Owner o -> {
            eachTenant(s, t -> true, out);
            yield false;
          }
          case Scope.Msp(UUID m) -> {
            eachTenant(s, t -> t.id().equals(m) || t.mspId().equals(m), out);
            yield s.tenant(m).isEmpty();
          }
          case Scope.Tenant(UUID id, boolean children) -> {
            int root = s.tenantIx.get(id);
            for (int t = 0; t < s.tenants.size(); t++) {
              Compiled.Tenant ct = s.tenants.get(t);
              if (ct != null
                  && ct.present()
                  && (ct.node().id().equals(id)
                      || (children && root >= 0 && Matcher.isAncestor(s, root, t)))) {
                out.add(Target.tenant(ct.node().id()));
              }
            }
            yield s.tenant(id).isEmpty();
          }
          case Scope.TenantTag(UUID g, UUID m) -> {
            eachTenant(s, t -> t.tagIds().contains(g) && (m == null || t.mspId().equals(m)), out);
            yield false;
          }
          case Scope.UsersTenant u -> {
            Set<UUID> tenants = new LinkedHashSet<>();
            List<UUID> users =
                switch (principal) {
                  case Principal.UserPrincipal(UUID id) -> List.of(id);
                  case Principal.GroupPrincipal(UUID id) ->
                      s.group(id).map(g -> List.copyOf(g.memberUserIds())).orElse(List.of());
                };
            for (UUID user : users) {
              s.user(user)
                  .map(UserNode::tenantId)
                  .filter(t -> s.tenant(t).isPresent())
                  .ifPresent(tenants::add);
            }
            tenants.forEach(t -> out.add(Target.tenant(t)));
            yield false;
          }
          case Scope.Resource(ResourceSelector sel) -> resourceTargets(s, sel, out);
        };
    return out.isEmpty() && namesAbsent ? Optional.empty() : Optional.of(out);
  }

  /** The computers the selector picks whose tenant is present; true if it names an absent one. */
  private static boolean resourceTargets(PolicySnapshot s, ResourceSelector sel, List<Target> out) {
    if (sel instanceof ResourceSelector.OneComputer(UUID c)) {
      var n = s.computer(c);
      if (n.isPresent() && s.tenant(n.get().tenantId()).isPresent()) {
        out.add(Target.computer(c));
      }
      return n.isEmpty();
    }
    UUID limit =
        switch (sel) {
          case ResourceSelector.ComputerTag t -> t.tenantId() != null ? t.tenantId() : t.mspId();
          case ResourceSelector.ComputerTypes t -> t.tenantId() != null ? t.tenantId() : t.mspId();
          case ResourceSelector.OneComputer o -> null;
        };
    for (int c = 0; c < s.computers.size(); c++) {
      Compiled.Computer cc = s.computers.get(c);
      if (cc != null && cc.node() != null) {
        ComputerNode n = cc.node();
        if (s.tenant(n.tenantId()).isPresent() && ReachSupport.selects(s, sel, n)) {
          out.add(Target.computer(n.id()));
        }
      }
    }
    return limit != null && s.tenant(limit).isEmpty();
  }

  private static void eachTenant(
      PolicySnapshot s, java.util.function.Predicate<TenantNode> p, List<Target> out) {
    for (TenantNode t : s.tenants()) {
      if (p.test(t)) {
        out.add(Target.tenant(t.id()));
      }
    }
  }
}
