package dev.tenantry.identity.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.access.AccessChangeRules;
import dev.tenantry.authz.access.AccessWriteLock;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DESIGN §3.6h's recovery: when Entra access to the last full administrator is lost, the host
 * operator runs {@code ./tenantry recover-admin --tid … --oid …}, which works on the database
 * directly (no sign-in) and makes the user with that Entra identity a full administrator again —
 * creating the person (in the MSP tenant linked to the tid, else the first MSP) and the user when
 * missing, enabling it, clearing its access expiry, removing its direct DENY assignments and its
 * memberships of groups holding a DENY, and assigning System Administrator (Legacy) at OWNER
 * without expiry. Refused while an active full administrator exists, unless forced. Audited as
 * {@code admin.recovered} by the actor "recover-admin (host)".
 */
@Component
public class RecoverAdmin {
  public record Result(
      UUID userId, boolean createdUser, List<UUID> fullAdminsBefore, Map<String, Object> changes) {}

  /** Refused: an active full administrator exists and the run was not forced. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final JdbcClient jdbc;
  private final AccessChangeRules rules;
  private final AccessWriteLock lock;
  private final AuditLog audit;

  RecoverAdmin(JdbcClient jdbc, AccessChangeRules rules, AccessWriteLock lock, AuditLog audit) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.lock = lock;
    this.audit = audit;
  }

  @Transactional
  public Result recover(UUID tid, UUID oid, boolean force) {
    Actor host =
        new Actor(null, "recover-admin (host)", null, "recover-admin-" + UUID.randomUUID(), "");
    return Actors.runAs(host, () -> run(tid, oid, force));
  }

  private Result run(UUID tid, UUID oid, boolean force) {
    lock.acquire();
    List<UUID> admins = rules.fullAdmins();
    if (!admins.isEmpty() && !force) {
      throw new Refused(
          "An active full administrator exists ("
              + admins
              + "); nothing was changed. Use --force to recover anyway.");
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    UUID user =
        jdbc.sql(
                "select id from app_user where entra_tenant_id = ? and entra_object_id = ? and kind = 'PERSON'")
            .params(tid, oid)
            .query(UUID.class)
            .optional()
            .orElse(null);
    boolean created = user == null;
    if (created) {
      UUID tenant =
          jdbc.sql(
                  "select id from tenant where azure_tenant_id = ? or kind = 'MSP'"
                      + " order by (azure_tenant_id = ?) desc nulls last, created_at limit 1")
              .params(tid, tid)
              .query(UUID.class)
              .single();
      UUID person =
          jdbc.sql(
                  "select id from person where tenant_id = ? and azure_object_id = ? and id not in"
                      + " (select person_id from app_user)")
              .params(tenant, oid)
              .query(UUID.class)
              .optional()
              .orElse(null);
      if (person == null) {
        person = UUID.randomUUID();
        jdbc.sql(
                "insert into person (id, tenant_id, given_name, family_name, email,"
                    + " azure_object_id, source) values (?, ?, 'Recovered', 'Administrator', '', ?,"
                    + " 'MANUAL')")
            .params(person, tenant, oid)
            .update();
      }
      user = UUID.randomUUID();
      jdbc.sql(
              "insert into app_user (id, person_id, kind, enabled, entra_tenant_id, entra_object_id)"
                  + " values (?, ?, 'PERSON', true, ?, ?)")
          .params(user, person, tid, oid)
          .update();
      changes.put("createdPerson", person);
    } else {
      jdbc.sql(
              "update app_user set enabled = true, access_expires_at = null, version = version + 1 where id = ?")
          .param(user)
          .update();
      changes.put("enabledAndExpiryCleared", true);
    }
    changes.put(
        "removedDenyAssignments",
        jdbc.sql("delete from role_assignment where user_id = ? and effect = 'DENY' returning id")
            .param(user)
            .query(UUID.class)
            .list());
    changes.put(
        "leftGroupsWithDeny",
        jdbc.sql(
                "delete from group_member m where m.user_id = ? and exists (select 1 from"
                    + " role_assignment a where a.group_id = m.group_id and a.effect = 'DENY')"
                    + " returning m.group_id")
            .param(user)
            .query(UUID.class)
            .list());
    UUID assignment = UUID.randomUUID();
    jdbc.sql(
            "insert into role_assignment (id, user_id, role_id, effect, scope_kind) values (?, ?, ?,"
                + " 'ALLOW', 'OWNER') on conflict do nothing")
        .params(assignment, user, BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id())
        .update();
    changes.put("assignment", "System Administrator (Legacy) @OWNER, no expiry");
    Map<String, Object> details = new LinkedHashMap<>(changes);
    details.put("tid", tid);
    details.put("oid", oid);
    details.put("forced", force);
    details.put("fullAdminsBefore", admins);
    audit.record(AuditEntry.event("admin.recovered", "user", user, null, details));
    return new Result(user, created, admins, changes);
  }
}
