package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PeopleSearchTest extends DirectoryTest {

  @Test
  void peopleAreSearchedByNameOrEmailCaseInsensitively() {
    UUID tenant = tenant();
    String marker = unique("zed").toLowerCase();
    createPerson(tenant, "Zora", "Neale" + marker, "zora@example.com");
    createPerson(tenant, "Other", "Person", marker + "@example.com");
    createPerson(tenant, "Not", "Matching", "nm@example.com");

    assertThat(names(list("?tenantId=" + tenant + "&q=" + marker.toUpperCase()))).hasSize(2);
    assertThat(names(list("?tenantId=" + tenant + "&q=zora%20neale"))).containsExactly("Zora");
    assertThat(names(list("?tenantId=" + tenant + "&q=neale" + marker + "%20zora")))
        .containsExactly("Zora");
    assertThat(names(list("?tenantId=" + tenant + "&q=%25"))).isEmpty();
    assertThat(list("?tenantId=" + tenant).path("total").asLong()).isEqualTo(3);
  }

  @Test
  void theListIsFilteredByTenantAndTag() {
    UUID tenant = tenant();
    UUID other = tenant();
    UUID tagged = person(tenant);
    person(tenant);
    person(other);
    UUID tag = tag();
    api().put("/api/v1/people/" + tagged + "/tags/" + tag, null);

    var byTag = list("?tagId=" + tag);
    assertThat(byTag.path("total").asLong()).isEqualTo(1);
    assertThat(byTag.path("items").get(0).path("id").asString()).isEqualTo(tagged.toString());
    assertThat(list("?tenantId=" + other).path("total").asLong()).isEqualTo(1);
  }

  @Test
  void theListIsPagedInAStableOrder() {
    UUID tenant = tenant();
    for (int i = 0; i < 5; i++) {
      createPerson(tenant, "P" + i, "Family" + i, "p" + i + "@example.com");
    }
    var first = list("?tenantId=" + tenant + "&size=2&page=0");
    var third = list("?tenantId=" + tenant + "&size=2&page=2");
    assertThat(first.path("total").asLong()).isEqualTo(5);
    assertThat(first.path("size").asInt()).isEqualTo(2);
    assertThat(names(first)).containsExactly("P0", "P1");
    assertThat(names(list("?tenantId=" + tenant + "&size=2&page=1"))).containsExactly("P2", "P3");
    assertThat(names(third)).containsExactly("P4");
  }

  @Test
  void listItemsShowWhoIsAUser() {
    UUID tenant = tenant();
    UUID id = person(tenant);
    makeUser(id);
    person(tenant);
    var items = list("?tenantId=" + tenant).path("items");
    long users = 0;
    for (JsonNode item : items) {
      users += item.path("isUser").asBoolean() ? 1 : 0;
    }
    assertThat(users).isEqualTo(1);
  }

  private JsonNode list(String query) {
    var r = api().get("/api/v1/people" + query);
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("items").forEach(i -> names.add(i.path("givenName").asString()));
    return names;
  }
}
