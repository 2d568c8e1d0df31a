package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantHierarchyTest extends TenancyTestSupport {
  @Autowired Tenants tenants;

  private String mspOf(UUID tenantId) {
    return jdbc.sql("select msp_id::text from tenant where id = ?")
        .param(tenantId)
        .query(String.class)
        .single();
  }

  private Map<String, Object> parent(UUID parentId) {
    Map<String, Object> m = new HashMap<>();
    m.put("parentId", parentId == null ? null : parentId.toString());
    return m;
  }

  @Test
  void aTenantCannotBecomeItsOwnParent() {
    var api = signedIn();
    var a = client(api, unique("Self"));
    var r = patch(api, id(a), parent(id(a)));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("cycle");
  }

  @Test
  void aDirectCycleIsRefusedAndNothingChanges() {
    var api = signedIn();
    var a = client(api, unique("A"));
    var b = child(api, unique("B"), id(a));
    String row = tenantRow(id(a));
    var r = patch(api, id(a), parent(id(b)));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString()).contains("would create a cycle");
    assertThat(tenantRow(id(a))).isEqualTo(row);
  }

  @Test
  void aDeepCycleIsRefused() {
    var api = signedIn();
    var a = client(api, unique("Deep A"));
    var b = child(api, unique("Deep B"), id(a));
    var c = child(api, unique("Deep C"), id(b));
    var d = child(api, unique("Deep D"), id(c));
    var r = patch(api, id(a), parent(id(d)));
    assertThat(r.status()).isEqualTo(409);
    assertThat(get(api, id(a)).path("parentId").isMissingNode()).isTrue();
    assertThat(tenants.ancestors(id(d))).containsExactly(id(c), id(b), id(a));
  }

  @Test
  void reParentingUnderAnotherMspRecomputesMspIdForTheWholeSubtree() {
    var api = signedIn();
    var msp1 = msp(api, unique("MSP one"));
    var msp2 = msp(api, unique("MSP two"));
    var a = child(api, unique("Sub A"), id(msp1));
    var b = child(api, unique("Sub B"), id(a));
    var c = child(api, unique("Sub C"), id(b));
    assertThat(mspOf(id(c))).isEqualTo(id(msp1).toString());

    assertThat(patch(api, id(a), parent(id(msp2))).status()).isEqualTo(200);
    assertThat(mspOf(id(a))).isEqualTo(id(msp2).toString());
    assertThat(mspOf(id(b))).isEqualTo(id(msp2).toString());
    assertThat(mspOf(id(c))).isEqualTo(id(msp2).toString());
    assertThat(audits("tenant.updated", id(a))).isEqualTo(1);
  }

  @Test
  void flaggingAndUnflaggingATenantAsMspRecomputesItsSubtree() {
    var api = signedIn();
    var top = msp(api, unique("Top MSP"));
    var mid = child(api, unique("Mid"), id(top));
    var leaf = child(api, unique("Leaf"), id(mid));

    assertThat(patch(api, id(mid), Map.of("kind", "MSP")).status()).isEqualTo(200);
    assertThat(mspOf(id(mid))).isEqualTo(id(mid).toString());
    assertThat(mspOf(id(leaf))).isEqualTo(id(mid).toString());

    var demoted = patch(api, id(mid), Map.of("kind", "CLIENT", "mspId", id(top).toString()));
    assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
    assertThat(mspOf(id(mid))).isEqualTo(id(top).toString());
    assertThat(mspOf(id(leaf))).isEqualTo(id(top).toString());
  }

  @Test
  void aRootClientBelongsToTheMspChosenAtCreationAndKeepsItWhenMovedToTheRoot() {
    var api = signedIn();
    var chosen = msp(api, unique("Chosen MSP"));
    var root =
        createTenant(api, Map.of("name", unique("Root client"), "mspId", id(chosen).toString()));
    assertThat(root.path("mspId").asString()).isEqualTo(id(chosen).toString());
    var kid = child(api, unique("Root kid"), id(root));
    assertThat(kid.path("mspId").asString()).isEqualTo(id(chosen).toString());

    var refused =
        api.post(
            "/api/v1/tenants", Map.of("name", unique("Bad msp"), "mspId", id(root).toString()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asString()).contains("is not an MSP tenant");
  }

  @Test
  void anMspThatLosesItsFlagHandsItsRootClientsToItsNewMsp() {
    var api = signedIn();
    var home = msp(api, unique("Home MSP"));
    var acquired = child(api, unique("Acquired MSP"), id(home));
    patch(api, id(acquired), Map.of("kind", "MSP"));
    var theirClient =
        createTenant(api, Map.of("name", unique("Their client"), "mspId", id(acquired).toString()));
    var demoted = patch(api, id(acquired), Map.of("kind", "CLIENT", "mspId", id(home).toString()));
    assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
    assertThat(demoted.json().path("mspId").asString()).isEqualTo(id(home).toString());
    assertThat(mspOf(id(theirClient))).isEqualTo(id(home).toString());
  }
}
