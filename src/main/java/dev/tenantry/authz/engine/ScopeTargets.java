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
 * The targets a scope covers now, for anti-escalation. Empty optional when the scope names an
 * absent tenant or computer (nothing sensible to decide). O(tenants) or, for tag/type selectors,
 * O(computers): rare admin actions.
 */
public final class ScopeTargets {
  private ScopeTargets() {}

  public static Optional<List<Target>> of(PolicySnapshot s, Scope scope, Principal principal) {
    List<Target> out = new ArrayList<>();
    switch (scope) {
      case Scope.Owner o -> eachTenant(s, t -> true, out);
      case Scope.Msp(UUID m) -> {
        if (s.tenant(m).isEmpty()) {
          return Optional.empty();
        }
        eachTenant(s, t -> t.id().equals(m) || t.mspId().equals(m), out);
      }
      case Scope.Tenant(UUID id, boolean children) -> {
        if (s.tenant(id).isEmpty()) {
          return Optional.empty();
        }
        int root = s.tenantIx.get(id);
        for (int t = 0; t < s.tenants.size(); t++) {
          Compiled.Tenant ct = s.tenants.get(t);
          if (ct != null
              && ct.present()
              && (t == root || (children && Matcher.isAncestor(s, root, t)))) {
            out.add(Target.tenant(ct.node().id()));
          }
        }
      }
      case Scope.TenantTag(UUID g, UUID m) ->
          eachTenant(s, t -> t.tagIds().contains(g) && (m == null || t.mspId().equals(m)), out);
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
      }
      case Scope.Resource(ResourceSelector sel) -> {
        if (!resourceTargets(s, sel, out)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(out);
  }

  private static boolean resourceTargets(PolicySnapshot s, ResourceSelector sel, List<Target> out) {
    if (sel instanceof ResourceSelector.OneComputer(UUID c)) {
      if (s.computer(c).isEmpty()) {
        return false;
      }
      out.add(Target.computer(c));
      return true;
    }
    UUID limit =
        switch (sel) {
          case ResourceSelector.ComputerTag t -> t.tenantId() != null ? t.tenantId() : t.mspId();
          case ResourceSelector.ComputerTypes t -> t.tenantId() != null ? t.tenantId() : t.mspId();
          case ResourceSelector.OneComputer o -> null;
        };
    if (limit != null && s.tenant(limit).isEmpty()) {
      return false;
    }
    for (int c = 0; c < s.computers.size(); c++) {
      Compiled.Computer cc = s.computers.get(c);
      if (cc != null) {
        ComputerNode n = cc.node();
        if (ReachSupport.selects(s, sel, n)) {
          out.add(Target.computer(n.id()));
        }
      }
    }
    return true;
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
