package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MspTenantRulesTest extends TenancyTestSupport {
  @Autowired Tenants tenants;

  @Test
  void theFirstStartCreatedTheInstanceMspTenantAsSystem() {
    var msp =
        jdbc.sql("select id, kind, msp_id from tenant where name = 'My MSP'")
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    assertThat(msp.get(1)).isEqualTo("MSP");
    assertThat(msp.get(2)).isEqualTo(msp.get(0));
    String actor =
        jdbc.sql(
                "select actor_label from audit_event where action = 'tenant.created'"
                    + " and target_id = ?")
            .param(msp.get(0))
            .query(String.class)
            .single();
    assertThat(actor).isEqualTo("system");
    UUID mspId = UUID.fromString(msp.get(0));
    assertThat(tenants.instanceMspId()).isEqualTo(mspId);
    assertThat(tenants.exists(mspId)).isTrue();
    assertThat(tenants.find(mspId).orElseThrow().isMsp()).isTrue();
    assertThat(tenants.exists(UUID.randomUUID())).isFalse();
  }

  @Test
  void anMspTenantCannotBeDeletedWhileFlaggedMsp() {
    var api = signedIn();
    var msp = msp(api, unique("Flagged"));
    var r = api.delete("/api/v1/tenants/" + id(msp));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("un-mark it first");
    assertThat(get(api, id(msp)).path("kind").asString()).isEqualTo("MSP");

    var heir = msp(api, unique("Heir")); // demoting names the MSP that takes the tenant (§3.10)
    assertThat(patch(api, id(msp), Map.of("kind", "CLIENT", "mspId", id(heir).toString())).status())
        .isEqualTo(200);
    assertThat(api.delete("/api/v1/tenants/" + id(msp)).status()).isEqualTo(204);
  }

  /**
   * Other tests leave MSP tenants behind, so this one temporarily demotes every other MSP in SQL
   * (restoring them afterwards) to reach the "last MSP" state through the API.
   */
  @Test
  void theLastMspTenantCanNeverLoseItsFlag() {
    var api = signedIn();
    var last = msp(api, unique("Last"));
    List<UUID> others =
        jdbc.sql("select id from tenant where kind = 'MSP' and id <> ?")
            .param(id(last))
            .query(UUID.class)
            .list();
    jdbc.sql("update tenant set kind = 'CLIENT' where id = any(?)")
        .param(others.toArray(new UUID[0]))
        .update();
    try {
      String row = tenantRow(id(last));
      var r = patch(api, id(last), Map.of("kind", "CLIENT"));
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.json().path("detail").asString()).contains("last MSP tenant");
      assertThat(tenantRow(id(last))).isEqualTo(row);
    } finally {
      jdbc.sql("update tenant set kind = 'MSP' where id = any(?)")
          .param(others.toArray(new UUID[0]))
          .update();
    }
  }
}
