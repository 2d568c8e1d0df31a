package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TenantListTest extends TenancyTestSupport {

  private static java.util.List<String> names(JsonNode page) {
    return page.path("items").valueStream().map(i -> i.path("name").asString()).toList();
  }

  @Test
  void searchMatchesNameSlugOrDescriptionAndPagesThroughSortedResults() {
    var api = signedIn();
    String word = unique("zq").replace(" ", "");
    for (String n : new String[] {"c", "a", "b"}) {
      client(api, word + " " + n);
    }
    createTenant(api, Map.of("name", unique("zz Described"), "description", "about " + word));

    var first = api.get("/api/v1/tenants?q=" + word + "&size=2&page=0").json();
    assertThat(first.path("total").asLong()).isEqualTo(4);
    assertThat(names(first)).containsExactly(word + " a", word + " b");
    var second = api.get("/api/v1/tenants?q=" + word + "&size=2&page=1").json();
    assertThat(names(second)).hasSize(2).contains(word + " c");
    assertThat(names(second).get(1)).startsWith("zz Described");
  }

  @Test
  void filtersByKindActiveParentAndTag() {
    var api = signedIn();
    String word = unique("flt").replace(" ", "");
    var parent = msp(api, word + " msp");
    var kid = child(api, word + " kid", id(parent));
    var sleepy = client(api, word + " sleepy");
    api.post("/api/v1/tenants/" + id(sleepy) + "/deactivate", null);
    var tag = api.post("/api/v1/tags", Map.of("name", unique("flt tag"))).json();
    api.put("/api/v1/tenants/" + id(kid) + "/tags/" + id(tag), null);

    assertThat(names(api.get("/api/v1/tenants?q=" + word + "&kind=MSP").json()))
        .containsExactly(word + " msp");
    assertThat(names(api.get("/api/v1/tenants?q=" + word + "&active=false").json()))
        .containsExactly(word + " sleepy");
    assertThat(names(api.get("/api/v1/tenants?parentId=" + id(parent)).json()))
        .containsExactly(word + " kid");
    var tagged = api.get("/api/v1/tenants?tagId=" + id(tag)).json();
    assertThat(names(tagged)).containsExactly(word + " kid");
    assertThat(tagged.path("items").get(0).path("tags").get(0).path("name").asString())
        .isEqualTo(tag.path("name").asString());
  }

  @Test
  void eachItemCarriesItsComputerAndChildCounts() {
    var api = signedIn();
    String word = unique("cnt").replace(" ", "");
    var parent = client(api, word + " parent");
    child(api, word + " kid1", id(parent));
    child(api, word + " kid2", id(parent));
    computer(id(parent));
    computer(id(parent));
    computer(id(parent));

    var item = api.get("/api/v1/tenants?q=" + word + "%20parent").json().path("items").get(0);
    assertThat(item.path("computerCount").asLong()).isEqualTo(3);
    assertThat(item.path("childCount").asLong()).isEqualTo(2);
    assertThat(get(api, id(parent)).path("computerCount").asLong()).isEqualTo(3);
    assertThat(get(api, id(parent)).path("childCount").asLong()).isEqualTo(2);
  }

  @Test
  void anInvalidFilterIs400() {
    var r = signedIn().get("/api/v1/tenants?kind=EMPIRE");
    assertThat(r.status()).isEqualTo(400);
  }
}
