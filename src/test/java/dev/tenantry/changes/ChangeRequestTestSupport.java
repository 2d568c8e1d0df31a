package dev.tenantry.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Scope;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Requests filed through the public API ({@link ChangeRequests#submit}), users, custom roles. */
abstract class ChangeRequestTestSupport extends IntegrationTest {
  @Autowired ChangeRequests changeRequests;
  @Autowired TransactionTemplate tx;
  @Autowired JsonMapper json;

  /** A custom role holding exactly these permissions. */
  UUID role(String... permissions) {
    UUID id = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
                .params(id, "CR role " + id, permissions)
                .update());
    return id;
  }

  TestUsers.TestUser holding(UUID tenant, String... permissions) {
    return testUsers.user(tenant, Grant.allow(role(permissions), Scope.tenant(tenant, true)));
  }

  /** An approver on the tenant who also passes the test applier's own rule. */
  TestUsers.TestUser approver(UUID tenant) {
    return holding(tenant, "change-requests:view", "change-requests:approve", "computers:manage");
  }

  UUID tag(String description) {
    UUID tag = testUsers.tag("cr");
    jdbc.sql("update tag set description = ? where id = ?").params(description, tag).update();
    return tag;
  }

  long tagVersion(UUID tag) {
    return jdbc.sql("select version from tag where id = ?").param(tag).query(Long.class).single();
  }

  String tagDescription(UUID tag) {
    return jdbc.sql("select description from tag where id = ?")
        .param(tag)
        .query(String.class)
        .single();
  }

  /** Files a request by {@code author} to describe {@code tag}, as a feature would. */
  UUID submit(UUID authorUserId, UUID tenant, UUID tag, String description) {
    return submit(
        new Actor(authorUserId, "author", null, "t-" + UUID.randomUUID(), ""),
        tenant,
        tag,
        description);
  }

  UUID submit(Actor author, UUID tenant, UUID tag, String description) {
    ProposedChange change =
        new ProposedChange(
            TagDescriptionApplier.KIND,
            tag,
            tenant,
            "Describe tag " + tag,
            json.valueToTree(Map.of("description", tagDescription(tag))),
            json.valueToTree(Map.of("description", description)),
            tagVersion(tag));
    return tx.execute(s -> Actors.runAs(author, () -> changeRequests.submit(author, change)));
  }

  static String path(UUID id) {
    return "/api/v1/change-requests/" + id;
  }

  static Http.Response approve(Http http, UUID id, long version) {
    return http.post(path(id) + "/approve", Map.of("version", version, "reason", "fine"));
  }

  String state(UUID id) {
    return jdbc.sql("select state from change_request where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  long events(String action, UUID target) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, target.toString())
        .query(Long.class)
        .single();
  }

  void preference(String key, boolean on) {
    assertThat(signedIn().patch("/api/v1/preferences/application", Map.of(key, on)).status())
        .isEqualTo(200);
  }
}
