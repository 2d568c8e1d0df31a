package dev.tenantry.authz.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.internal.ScopeColumns;
import dev.tenantry.authz.internal.ScopeDto;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The oracle end to end: each random case's world is written to PostgreSQL, the actor signs in and
 * sends the request through the API, and whether the API accepted it (2xx) is judged by {@link
 * AccessChangeOracle} exactly as the in-memory rules are (later structural changes are applied to
 * the oracle's model). ≥ 200 cases per run.
 */
class AccessChangeOracleApiTest extends IntegrationTest {
  static final int CASES = 220;

  /**
   * What the API gates ask besides anti-escalation (seeing principals, managing groups, users and
   * access requests, editing roles): given to every role that manages assignments, so that requests
   * reach the rules. The oracle does not look at these permissions.
   */
  private static final Set<Permission> GATES =
      EnumSet.of(
          Permission.USERS_MANAGE,
          Permission.GROUPS_VIEW,
          Permission.GROUPS_MANAGE,
          Permission.ROLES_VIEW,
          Permission.ROLES_MANAGE,
          Permission.ROLES_MANAGE_PUBLIC,
          Permission.ROLE_ASSIGNMENTS_VIEW,
          Permission.ACCESS_REQUESTS_VIEW,
          Permission.ACCESS_REQUESTS_MANAGE);

  @Test
  void noRequestTheApiAcceptsEverGivesMoreThanTheActorHeld() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    preference("impersonation.enabled", true);
    Map<String, int[]> byKind = new TreeMap<>();
    try {
      for (long seed = 1; seed <= CASES; seed++) {
        OracleCases.Case c =
            OracleCases.generate(seed, "e2e-" + run + "-" + seed + "-", Instant.now());
        Persisted db = persist(c.world());
        boolean accepted;
        try {
          accepted = send(c, db);
        } finally {
          remove(c.world(), db);
        }
        int[] counts =
            byKind.computeIfAbsent(c.request().getClass().getSimpleName(), k -> new int[2]);
        counts[0]++;
        counts[1] += accepted ? 1 : 0;
        Optional<String> v = AccessChangeOracle.violation(c, (w, a, r, n) -> accepted);
        assertThat(v).as("seed %d", seed).isEmpty();
      }
    } finally {
      preference("impersonation.enabled", false);
    }
    byKind.forEach(
        (k, n) ->
            System.out.println("oracle e2e " + k + ": " + n[0] + " cases, " + n[1] + " accepted"));
    assertThat(byKind.values().stream().mapToInt(n -> n[0]).sum()).isGreaterThanOrEqualTo(200);
    assertThat(
            jdbc.sql("select count(*) from tenant where name like 'o-%'")
                .query(Long.class)
                .single())
        .as("every case's world was removed again")
        .isZero();
  }

  /** The model's ids are the database ids; users also get an Entra object id to sign in with. */
  private record Persisted(
      Map<UUID, UUID> oids,
      Map<UUID, Set<Permission>> extras,
      Set<UUID> tags,
      List<UUID> requests) {}

  private Persisted persist(OracleWorld w) {
    Map<UUID, UUID> oids = new HashMap<>();
    Map<UUID, Set<Permission>> extras = new HashMap<>();
    Set<UUID> tags = new java.util.HashSet<>();
    testUsers.write(
        () -> {
          w.tenants.values().forEach(t -> tags.addAll(t.tags()));
          w.computers.values().forEach(c -> tags.addAll(c.tags()));
          for (var a : w.assignments.values()) {
            if (a.scope() instanceof dev.tenantry.authz.Scope.TenantTag(UUID g, UUID m)) {
              tags.add(g);
            } else if (ScopeColumns.of(a.scope()).scopeTagId() != null) {
              tags.add(ScopeColumns.of(a.scope()).scopeTagId());
            }
          }
          for (UUID g : tags) {
            jdbc.sql("insert into tag (id, name) values (?, ?) on conflict do nothing")
                .params(g, "o-" + g)
                .update();
          }
          for (var t : w.tenants.values()) {
            jdbc.sql(
                    "insert into tenant (id, name, slug, kind, parent_id, msp_id, azure_tenant_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                    t.id(),
                    "o-" + t.id(),
                    "o-" + t.id(),
                    t.kind().name(),
                    t.parent(),
                    t.msp(),
                    UUID.randomUUID())
                .update();
            for (UUID g : t.tags()) {
              jdbc.sql("insert into tenant_tag (tenant_id, tag_id) values (?, ?)")
                  .params(t.id(), g)
                  .update();
            }
          }
          for (var c : w.computers.values()) {
            jdbc.sql("insert into computer (id, tenant_id, name, type) values (?, ?, ?, ?)")
                .params(c.id(), c.tenant(), "o-" + c.id(), c.type().name())
                .update();
            for (UUID g : c.tags()) {
              jdbc.sql("insert into computer_tag (computer_id, tag_id) values (?, ?)")
                  .params(c.id(), g)
                  .update();
            }
          }
          for (var u : w.users.values()) {
            UUID person = UUID.randomUUID();
            UUID oid = UUID.randomUUID();
            oids.put(u.id(), oid);
            jdbc.sql(
                    "insert into person (id, tenant_id, given_name, azure_object_id, source)"
                        + " values (?, ?, 'Oracle', ?, 'MANUAL')")
                .params(person, u.tenant(), oid)
                .update();
            jdbc.sql(
                    "insert into app_user (id, person_id, enabled, access_expires_at,"
                        + " entra_tenant_id, entra_object_id) values (?, ?, ?, ?, ?, ?)")
                .params(u.id(), person, u.enabled(), ts(u.accessExpires()), HOME_TID, oid)
                .update();
          }
          for (var g : w.groups.values()) {
            jdbc.sql("insert into user_group (id, name, owner_tenant_id) values (?, ?, ?)")
                .params(g.id(), "o-" + g.id(), g.owner())
                .update();
            for (UUID m : g.members()) {
              jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
                  .params(g.id(), m)
                  .update();
            }
          }
          for (var r : w.roles.values()) {
            Set<Permission> extra =
                r.perms().contains(Permission.ROLE_ASSIGNMENTS_MANAGE) ? GATES : Set.of();
            extras.put(r.id(), extra);
            jdbc.sql(
                    "insert into role (id, name, owner_tenant_id, permissions) values (?, ?, ?, ?)")
                .params(r.id(), "o-" + r.id(), r.owner(), keys(r.perms(), extra))
                .update();
          }
          for (AssignmentNode a : w.assignments.values()) {
            Map<String, Object> p = new HashMap<>(ScopeColumns.of(a.scope()).params());
            p.put("id", a.id());
            p.put(
                "userId",
                a.principal() instanceof Principal.UserPrincipal ? a.principal().id() : null);
            p.put(
                "groupId",
                a.principal() instanceof Principal.GroupPrincipal ? a.principal().id() : null);
            p.put("roleId", a.roleId());
            p.put("effect", a.effect().name());
            p.put("expiresAt", ts(a.expiresAt()));
            jdbc.sql(
                    "insert into role_assignment (id, user_id, group_id, role_id, effect, "
                        + ScopeColumns.COLUMNS
                        + ", expires_at) values (:id, :userId, :groupId, :roleId, :effect, "
                        + ScopeColumns.VALUES
                        + ", :expiresAt) on conflict do nothing")
                .params(p)
                .update();
          }
        });
    return new Persisted(oids, extras, tags, new ArrayList<>());
  }

  /** The request through the API, as the actor; true when it answered 2xx. */
  private boolean send(OracleCases.Case c, Persisted db) {
    Http http = as(HOME_TID, db.oids().get(c.actor()), "oracle@example.com");
    Http.Response r =
        switch (c.request()) {
          case OracleRequest.Assign a -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                "principal",
                Map.of(
                    "type",
                    a.principal() instanceof Principal.UserPrincipal ? "USER" : "GROUP",
                    "id",
                    a.principal().id()));
            body.put("roleId", a.role());
            body.put("scope", ScopeDto.of(a.scope()));
            body.put("effect", a.effect().name());
            body.put("expiresAt", a.expires() == null ? null : a.expires().toString());
            yield http.post("/api/v1/role-assignments", body);
          }
          case OracleRequest.Remove x -> http.delete("/api/v1/role-assignments/" + x.assignment());
          case OracleRequest.AddMember m ->
              http.put("/api/v1/groups/" + m.group() + "/members/" + m.user(), null);
          case OracleRequest.Approve a -> {
            UUID request = accessRequest(a.tenant());
            db.requests().add(request);
            yield http.post("/api/v1/access-requests/" + request + "/approve", approval(c, a));
          }
          case OracleRequest.EditRole e -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "o-" + e.role());
            body.put("description", "");
            body.put(
                "permissions", keys(e.permissions(), db.extras().getOrDefault(e.role(), Set.of())));
            body.put("version", 0);
            yield http.put("/api/v1/roles/" + e.role(), body);
          }
          case OracleRequest.Impersonate i -> {
            long minutes = Duration.between(c.now(), i.until()).toMinutes();
            Http.Response res =
                http.post(
                    "/api/v1/users/" + i.target() + "/impersonate",
                    Map.of("reason", "oracle", "minutes", minutes));
            if (res.status() / 100 == 2) {
              http.post("/api/v1/users/stop-impersonating", null);
            }
            yield res;
          }
        };
    assertThat(r.status()).as("seed %d: %s", c.seed(), r).isLessThan(500);
    return r.status() / 100 == 2;
  }

  /**
   * Removes the case's world again (other tests share this database and list its tenants): every
   * row in its tenants, its roles, groups and tags, and whatever the request created there.
   */
  private void remove(OracleWorld w, Persisted db) {
    UUID[] tenants = w.tenants.keySet().toArray(UUID[]::new);
    UUID[] roles = w.roles.keySet().toArray(UUID[]::new);
    UUID[] groups = w.groups.keySet().toArray(UUID[]::new);
    testUsers.write(
        () -> {
          jdbc.sql("delete from role where id = any(?)").param(roles).update();
          jdbc.sql("delete from role_assignment where scope_tenant_id = any(?)")
              .param(tenants)
              .update();
          jdbc.sql("delete from user_group where id = any(?) or owner_tenant_id = any(?)")
              .params(groups, tenants)
              .update();
          jdbc.sql(
                  "delete from app_user where person_id in (select id from person where tenant_id"
                      + " = any(?))")
              .param(tenants)
              .update();
          jdbc.sql("delete from person where tenant_id = any(?)").param(tenants).update();
          jdbc.sql("delete from computer where tenant_id = any(?)").param(tenants).update();
          jdbc.sql("delete from access_request where id = any(?)")
              .param(db.requests().toArray(UUID[]::new))
              .update();
          jdbc.sql("delete from tenant where id = any(?)").param(tenants).update();
          jdbc.sql("delete from tag where id = any(?)")
              .param(db.tags().toArray(UUID[]::new))
              .update();
        });
  }

  private UUID accessRequest(UUID tenant) {
    UUID id = UUID.randomUUID();
    testUsers.write(
        () -> {
          UUID tid =
              jdbc.sql("select azure_tenant_id from tenant where id = ?")
                  .param(tenant)
                  .query(UUID.class)
                  .single();
          jdbc.sql(
                  "insert into access_request (id, entra_tenant_id, entra_object_id, name, email, status)"
                      + " values (?, ?, ?, 'Oracle Requester', 'o@example.com', 'PENDING')")
              .params(id, tid, UUID.randomUUID())
              .update();
        });
    return id;
  }

  private static Map<String, Object> approval(OracleCases.Case c, OracleRequest.Approve a) {
    Map<String, Object> scope = new LinkedHashMap<>();
    switch (a.scope()) {
      case dev.tenantry.authz.Scope.Owner o -> scope.put("kind", "OWNER");
      case dev.tenantry.authz.Scope.Msp(UUID m) -> {
        scope.put("kind", "MSP");
        scope.put("tenantId", m);
      }
      case dev.tenantry.authz.Scope.Tenant(UUID t, boolean children) -> {
        scope.put("kind", "TENANT");
        scope.put("tenantId", t);
        scope.put("includeChildren", children);
      }
      case dev.tenantry.authz.Scope.TenantTag(UUID g, UUID m) -> {
        scope.put("kind", "TENANT_TAG");
        scope.put("tagId", g);
      }
      default -> scope.put("kind", "USERS_TENANT");
    }
    String expiry;
    if (a.expires() == null) {
      expiry = "INDEFINITE";
    } else {
      long hours = Duration.between(c.now(), a.expires()).toHours();
      expiry = hours <= 1 ? "ONE_HOUR" : hours <= 24 ? "ONE_DAY" : "THREE_DAYS";
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenantId", a.tenant());
    body.put("roleId", a.role());
    body.put("scope", scope);
    body.put("expiry", expiry);
    return body;
  }

  private static String[] keys(Set<Permission> perms, Set<Permission> extra) {
    List<String> out = new ArrayList<>();
    perms.forEach(p -> out.add(p.key()));
    extra.stream().filter(p -> !perms.contains(p)).forEach(p -> out.add(p.key()));
    return out.toArray(String[]::new);
  }

  private static @Nullable Timestamp ts(@Nullable Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private void preference(String key, boolean on) {
    testUsers.write(
        () -> {
          jdbc.sql("delete from preference where level = 'APPLICATION' and key = ?")
              .param(key)
              .update();
          jdbc.sql("insert into preference (level, key, value) values ('APPLICATION', ?, ?::jsonb)")
              .params(key, Boolean.toString(on))
              .update();
        });
  }
}
