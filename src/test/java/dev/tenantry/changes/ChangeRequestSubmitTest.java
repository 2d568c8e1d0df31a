package dev.tenantry.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link ChangeRequests#submit}: what other features call when a change must become a request. */
class ChangeRequestSubmitTest extends IntegrationTest {
  @Autowired ChangeRequests changeRequests;
  @Autowired TransactionTemplate tx;
  @Autowired JsonMapper json;

  @Test
  void submitStoresAWaitingRequestAndAuditsItInTheCallersTransaction() {
    UUID tenant = testUsers.clientTenant("cr-submit");
    TestUsers.TestUser author = testUsers.user(tenant);
    Actor actor = new Actor(author.id(), "author", null, "req-" + UUID.randomUUID(), "");
    UUID subject = UUID.randomUUID();
    ProposedChange change =
        new ProposedChange(
            "deployment.update",
            subject,
            tenant,
            "Install 7-Zip 24",
            json.valueToTree(Map.of("state", "INSTALL")),
            json.valueToTree(Map.of("state", "UNINSTALL")),
            3L);
    UUID id = tx.execute(s -> Actors.runAs(actor, () -> changeRequests.submit(actor, change)));

    var row =
        jdbc.sql(
                "select state, author_user_id, kind, subject_version from change_request where id ="
                    + " ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row.get("state")).isEqualTo("WAITING_FOR_APPROVAL");
    assertThat(row.get("author_user_id")).isEqualTo(author.id());
    assertThat(row.get("subject_version")).isEqualTo(3L);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'change-request.submitted'"
                        + " and target_id = ? and actor_user_id = ? and tenant_id = ?")
                .params(id.toString(), author.id(), tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // a rolled-back caller leaves no request behind
    UUID[] rolledBack = new UUID[1];
    tx.executeWithoutResult(
        s -> {
          rolledBack[0] = Actors.runAs(actor, () -> changeRequests.submit(actor, change));
          s.setRollbackOnly();
        });
    assertThat(
            jdbc.sql("select count(*) from change_request where id = ?")
                .param(rolledBack[0])
                .query(Long.class)
                .single())
        .isZero();
  }
}
