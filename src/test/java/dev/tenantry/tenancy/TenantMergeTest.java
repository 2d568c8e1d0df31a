package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TenantMergeTest extends TenancyTestSupport {

  private Http.Response merge(Http api, UUID source, UUID target, boolean repoint) {
    return api.post(
        "/api/v1/tenants/" + source + "/merge",
        Map.of("targetTenantId", target.toString(), "repointAssignments", repoint));
  }

  private String mergedAfterJson(UUID source) {
    return jdbc.sql(
            "select after_json from audit_event where action = 'tenant.merged'"
                + " and target_id = ?")
        .param(source.toString())
        .query(String.class)
        .single();
  }

  /** A source tenant full of things, and a target; returns {source, target, assignment}. */
  private UUID[] populated(Http api) {
    var source = client(api, unique("Merge source"));
    var target = client(api, unique("Merge target"));
    UUID s = id(source);
    computer(s);
    computer(s);
    UUID member = user(person(s));
    person(s);
    role(s);
    UUID group = group(s);
    member(group, member);
    child(api, unique("Merge kid"), s);
    UUID outsider = user(person(id(client(api, unique("Merge outsider")))));
    UUID assignment = tenantAssignment(outsider, s);
    return new UUID[] {s, id(target), assignment};
  }

  @Test
  void mergeMovesEverythingRemovesScopedAssignmentsAndDeletesTheSource() {
    var api = signedIn();
    UUID[] ids = populated(api);
    long events = auditTotal();

    var r = merge(api, ids[0], ids[1], false);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.path("movedComputers").asInt()).isEqualTo(2);
    assertThat(result.path("movedPeople").asInt()).isEqualTo(2);
    assertThat(result.path("movedUsers").asInt()).isEqualTo(1);
    assertThat(result.path("movedRoles").asInt()).isEqualTo(1);
    assertThat(result.path("movedGroups").asInt()).isEqualTo(1);
    assertThat(result.path("movedChildTenantIds")).hasSize(1);
    assertThat(result.path("removedAssignmentIds").get(0).asString()).isEqualTo(ids[2].toString());
    assertThat(result.path("repointedAssignmentIds")).isEmpty();
    assertThat(count("computer", "tenant_id", ids[1])).isEqualTo(2);
    assertThat(count("person", "tenant_id", ids[1])).isEqualTo(2);
    assertThat(count("tenant", "parent_id", ids[1])).isEqualTo(1);
    assertThat(count("role_assignment", "id", ids[2])).isZero();
    assertThat(api.get("/api/v1/tenants/" + ids[0]).status()).isEqualTo(404);
    assertThat(auditTotal()).isEqualTo(events + 1);
    assertThat(mergedAfterJson(ids[0])).contains("\"removedAssignmentIds\":[\"" + ids[2] + "\"]");
  }

  @Test
  void assignmentsAreRePointedToTheTargetOnlyWhenAsked() {
    var api = signedIn();
    UUID[] ids = populated(api);
    var r = merge(api, ids[0], ids[1], true);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("repointedAssignmentIds").get(0).asString())
        .isEqualTo(ids[2].toString());
    assertThat(r.json().path("removedAssignmentIds")).isEmpty();
    assertThat(
            jdbc.sql("select scope_tenant_id from role_assignment where id = ?")
                .param(ids[2])
                .query(UUID.class)
                .single())
        .isEqualTo(ids[1]);
    assertThat(mergedAfterJson(ids[0])).contains("\"repointedAssignmentIds\":[\"" + ids[2] + "\"]");
  }

  @Test
  void movedChildTenantsGetTheTargetsMsp() {
    var api = signedIn();
    var otherMsp = msp(api, unique("Target MSP"));
    var target = child(api, unique("Target under MSP"), id(otherMsp));
    var source = client(api, unique("Source"));
    var kid = child(api, unique("Source kid"), id(source));
    assertThat(merge(api, id(source), id(target), false).status()).isEqualTo(200);
    var moved = get(api, id(kid));
    assertThat(moved.path("parentId").asString()).isEqualTo(id(target).toString());
    assertThat(moved.path("mspId").asString()).isEqualTo(id(otherMsp).toString());
  }

  @Test
  void aMergeThatWouldLeaveAGroupWithMembersOutsideItsOwnerIsRefusedAndChangesNothing() {
    var api = signedIn();
    UUID[] ids = populated(api);
    UUID third = id(client(api, unique("Third")));
    UUID thirdsGroup = group(third);
    UUID sourceUser =
        jdbc.sql(
                "select u.id from app_user u join person p on p.id = u.person_id"
                    + " where p.tenant_id = ?")
            .param(ids[0])
            .query(UUID.class)
            .single();
    member(thirdsGroup, sourceUser);
    String source = tenantRow(ids[0]);
    String target = tenantRow(ids[1]);
    long events = auditTotal();

    var r = merge(api, ids[0], ids[1], false);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("members outside their owning tenant");
    assertUntouched(ids, source, target);
    assertThat(auditTotal()).isEqualTo(events);
  }

  /** A failure at the very last step (deleting the source) rolls back every move before it. */
  @Test
  void aFailureMidwayLeavesBothTenantsUntouched() {
    var api = signedIn();
    UUID[] ids = populated(api);
    String source = tenantRow(ids[0]);
    String target = tenantRow(ids[1]);
    jdbc.sql(
            """
        create function refuse_merge_delete() returns trigger language plpgsql as $$
        begin raise exception 'injected failure'; end $$""")
        .update();
    jdbc.sql(
            "create trigger refuse_merge_delete before delete on tenant for each row when"
                + " (old.id = '"
                + ids[0]
                + "') execute function refuse_merge_delete()")
        .update();
    try {
      var r = merge(api, ids[0], ids[1], false);
      assertThat(r.status()).isEqualTo(500);
    } finally {
      jdbc.sql("drop trigger refuse_merge_delete on tenant").update();
      jdbc.sql("drop function refuse_merge_delete()").update();
    }
    assertUntouched(ids, source, target);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'tenant.merged'"
                        + " and target_id = ?")
                .param(ids[0].toString())
                .query(Long.class)
                .single())
        .isZero();
  }

  private void assertUntouched(UUID[] ids, String source, String target) {
    assertThat(tenantRow(ids[0])).isEqualTo(source);
    assertThat(tenantRow(ids[1])).isEqualTo(target);
    assertThat(count("computer", "tenant_id", ids[0])).isEqualTo(2);
    assertThat(count("person", "tenant_id", ids[0])).isEqualTo(2);
    assertThat(count("role", "owner_tenant_id", ids[0])).isEqualTo(1);
    assertThat(count("user_group", "owner_tenant_id", ids[0])).isEqualTo(1);
    assertThat(count("tenant", "parent_id", ids[0])).isEqualTo(1);
    assertThat(count("role_assignment", "id", ids[2])).isEqualTo(1);
    assertThat(count("computer", "tenant_id", ids[1])).isZero();
  }

  @Test
  void mergingIntoItselfIntoADescendantOrFromAnMspIsRefused() {
    var api = signedIn();
    var a = client(api, unique("Merge self"));
    var kid = child(api, unique("Merge self kid"), id(a));
    assertThat(merge(api, id(a), id(a), false).status()).isEqualTo(409);
    var intoKid = merge(api, id(a), id(kid), false);
    assertThat(intoKid.status()).isEqualTo(409);
    assertThat(intoKid.json().path("detail").asString()).contains("descendant");
    var msp = msp(api, unique("Merge msp"));
    var fromMsp = merge(api, id(msp), id(a), false);
    assertThat(fromMsp.status()).isEqualTo(409);
    assertThat(fromMsp.json().path("detail").asString()).contains("un-mark it");
    assertThat(merge(api, id(a), UUID.randomUUID(), false).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/tenants/" + id(a) + "/merge", Map.of()).status()).isEqualTo(400);
    assertThat(get(api, id(a)).path("childCount").asLong()).isEqualTo(1);
  }

  @Test
  void sameNamedRolesInBothTenantsRefuseTheMerge() {
    var api = signedIn();
    UUID s = id(client(api, unique("Clash source")));
    UUID t = id(client(api, unique("Clash target")));
    String name = unique("Helpdesk");
    jdbc.sql("insert into role (id, name, owner_tenant_id) values (?, ?, ?), (?, ?, ?)")
        .params(UUID.randomUUID(), name, s, UUID.randomUUID(), name, t)
        .update();
    var r = merge(api, s, t, false);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("role " + name);
  }
}
