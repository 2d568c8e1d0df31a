package dev.tenantry.authz.engine;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.AccessGain;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionSubject;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * DESIGN §3.10's list written from its definition, as the oracle of {@link AccessDiff}: for every
 * user, every non-system permission and every tenant and computer of the instance (not only those
 * the change touched), a gain is "allowed after and not before", each asked of {@link
 * Engine#check}; each gain is attributed with {@link Engine#explain}. Slow on purpose.
 *
 * <p>The two baselines and the one listing rule of docs/structural-changes.md: a tenant created by
 * the change is compared with itself untagged; a computer created by the change with its tenant
 * after; a computer that did not change itself (same tenant, present before, not among the changed
 * computers) is listed only for permissions its tenant does not gain (the tenant row says the
 * rest).
 */
final class ReferenceAccessDiff {
  private final Engine engine = Engine.INSTANCE;

  AccessDiff.Result compute(
      PolicySnapshot before,
      PolicySnapshot after,
      AccessDiff.Changed changed,
      Instant now,
      Set<AccessDiff.Gain> gains) {
    List<PolicyChange> untag = new ArrayList<>();
    for (TenantNode t : after.tenants()) {
      if (before.tenant(t.id()).isEmpty()) {
        untag.add(new PolicyChange.SetTenantTags(t.id(), Set.of()));
      }
    }
    PolicySnapshot baseline = after.withChanges(after.revision(), untag);
    List<Permission> perms = new ArrayList<>();
    for (Permission p : Permission.values()) {
      if (!p.system()) {
        perms.add(p);
      }
    }
    Map<List<Object>, Row> rows = new HashMap<>();
    Set<UUID> users = new HashSet<>();
    Set<UUID> targets = new HashSet<>();
    Set<UUID> created = new HashSet<>();
    long[] grants = {0};
    for (UserNode u : after.users()) {
      Set<List<Object>> tenantGains = new HashSet<>();
      for (TenantNode t : after.tenants()) {
        boolean fresh = before.tenant(t.id()).isEmpty();
        for (Permission p : perms) {
          Target x = Target.tenant(t.id());
          if (allowed(after, u, p, x, now) && !allowed(fresh ? baseline : before, u, p, x, now)) {
            tenantGains.add(List.of(t.id(), p));
            if (fresh) {
              created.add(t.id());
            }
            gain(after, u, p, x, t.id(), "TENANT", now, rows, gains, users, targets, grants);
          }
        }
      }
      for (TenantNode t : after.tenants()) {
        for (ComputerNode c : computersOf(after, t.id())) {
          ComputerNode was = before.computer(c.id()).orElse(null);
          boolean mine =
              changed.computers().contains(c.id())
                  || (was != null
                      && (!was.tenantId().equals(c.tenantId())
                          || before.tenant(was.tenantId()).isEmpty()));
          Target x = Target.computer(c.id());
          for (Permission p : perms) {
            if (!allowed(after, u, p, x, now)) {
              continue;
            }
            boolean gained =
                was == null
                    ? !allowed(after, u, p, Target.tenant(c.tenantId()), now)
                    : !allowed(before, u, p, x, now)
                        && (mine || !tenantGains.contains(List.of(c.tenantId(), p)));
            if (gained) {
              if (was == null) {
                created.add(c.id());
              }
              gain(after, u, p, x, c.id(), "COMPUTER", now, rows, gains, users, targets, grants);
            }
          }
        }
      }
    }
    List<AccessGain> out = new ArrayList<>();
    Set<UUID> assignments = new HashSet<>();
    rows.forEach(
        (k, r) -> {
          Principal principal = (Principal) k.get(0);
          assignments.add((UUID) k.get(1));
          UUID target = (UUID) k.get(4);
          out.add(
              new AccessGain(
                  principal instanceof Principal.GroupPrincipal ? "GROUP" : "USER",
                  principal.id(),
                  (UUID) k.get(1),
                  r.roleId,
                  AccessDiff.scopeText(r.scope),
                  (PermissionSubject) k.get(2),
                  (String) k.get(3),
                  target,
                  created.contains(target),
                  List.copyOf(r.permissions),
                  r.users.size()));
        });
    return new AccessDiff.Result(
        AccessChangeList.of(out, grants[0], users.size(), targets.size()), assignments);
  }

  private boolean allowed(PolicySnapshot s, UserNode u, Permission p, Target x, Instant now) {
    return engine.check(s, u.id(), p, x, now).allowed();
  }

  private static List<ComputerNode> computersOf(PolicySnapshot s, UUID tenant) {
    List<ComputerNode> out = new ArrayList<>();
    for (int c = 0; c < s.computers.size(); c++) {
      Compiled.Computer cc = s.computers.get(c);
      if (cc != null && cc.node() != null && cc.node().tenantId().equals(tenant)) {
        out.add(cc.node());
      }
    }
    return out;
  }

  private void gain(
      PolicySnapshot after,
      UserNode u,
      Permission p,
      Target x,
      UUID id,
      String type,
      Instant now,
      Map<List<Object>, Row> rows,
      Set<AccessDiff.Gain> gains,
      Set<UUID> users,
      Set<UUID> targets,
      long[] grants) {
    gains.add(new AccessDiff.Gain(u.id(), p, id));
    users.add(u.id());
    targets.add(id);
    grants[0]++;
    for (MatchedAssignment m : engine.explain(after, u.id(), p, x, now).matches()) {
      if (m.effect() == Effect.ALLOW) {
        Principal principal =
            m.viaGroupId() == null ? Principal.user(u.id()) : Principal.group(m.viaGroupId());
        rows.computeIfAbsent(
                List.of(principal, m.assignmentId(), p.subject(), type, id),
                k -> new Row(m.roleId(), m.scope()))
            .add(u.id(), p);
      }
    }
  }

  private static final class Row {
    final UUID roleId;
    final Scope scope;
    final TreeSet<String> permissions = new TreeSet<>();
    final Set<UUID> users = new HashSet<>();

    Row(UUID roleId, Scope scope) {
      this.roleId = roleId;
      this.scope = scope;
    }

    void add(UUID user, Permission p) {
      users.add(user);
      permissions.add(p.key());
    }
  }
}
