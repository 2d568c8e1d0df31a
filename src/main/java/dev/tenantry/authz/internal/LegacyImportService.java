package dev.tenantry.authz.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legacy user types and preferences → direct role assignments (DESIGN §4;
 * docs/legacy-migration.md). Idempotent: an assignment equal in user, role, effect and scope to an
 * existing one is reported as skipped, not created again. Needs {@code users:manage} for the whole
 * instance (OWNER scope) and passes anti-escalation for each assignment.
 */
@Service
public class LegacyImportService {
  private final Authorizer authz;
  private final AccessRules rules;
  private final AssignmentRepository assignments;
  private final GroupRepository groups;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  public LegacyImportService(
      Authorizer authz,
      AccessRules rules,
      AssignmentRepository assignments,
      GroupRepository groups,
      JdbcClient jdbc,
      AuditLog audit) {
    this.authz = authz;
    this.rules = rules;
    this.assignments = assignments;
    this.groups = groups;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public LegacyImport.Report run(LegacyImport.Request request) {
    UUID me = authz.requireUser();
    authz.require(Permission.USERS_MANAGE, Target.system());
    rules.lock(); // DESIGN 3.6j: creates assignments
    List<LegacyImport.Planned> plan =
        LegacyImport.plan(request, id -> groups.userTenant(id).isPresent());
    List<LegacyImport.Entry> created = new ArrayList<>();
    List<LegacyImport.Entry> skipped = new ArrayList<>();
    for (LegacyImport.Planned p : plan) {
      if (p.skipReason() != null) {
        skipped.add(p.entry(null, p.skipReason()));
      } else if (exists(p.userId(), p.role(), p.scope())) {
        skipped.add(p.entry(null, "already assigned"));
      } else {
        rules.requireCanCreate(
            Principal.user(p.userId()), p.role().id(), p.scope(), Effect.ALLOW, null);
        UUID id = UUID.randomUUID();
        assignments.insert(
            id,
            p.userId(),
            null,
            p.role().id(),
            Effect.ALLOW.name(),
            ScopeColumns.of(p.scope()),
            null,
            me);
        created.add(p.entry(id, null));
      }
    }
    LegacyImport.Report report = new LegacyImport.Report(created, skipped);
    if (!created.isEmpty()) {
      audit.record(
          AuditEntry.event(
              "rbac.legacy-imported", "legacy-import", UUID.randomUUID(), null, report));
    }
    return report;
  }

  private boolean exists(UUID userId, RoleDefinition role, Scope scope) {
    ScopeColumns s = ScopeColumns.of(scope);
    return jdbc.sql(
                """
            select count(*) from role_assignment
            where user_id = :u and role_id = :r and effect = 'ALLOW' and scope_kind = :k and expires_at is null""")
            .params(Map.of("u", userId, "r", role.id(), "k", s.scopeKind()))
            .query(Long.class)
            .single()
        > 0;
  }
}
