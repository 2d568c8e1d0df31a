package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ComputerSearchTest extends DirectoryTest {

  @Test
  void computersAreFilteredByNameTypeTagAndTenant() {
    UUID tenant = tenant();
    String marker = unique("lab");
    createComputer(tenant, marker + "-ws", "WORKSTATION", null);
    UUID server = id(createComputer(tenant, marker + "-srv", "SERVER", null));
    createComputer(tenant, "elsewhere", "SERVER", null);
    createComputer(tenant(), marker + "-other-tenant", "SERVER", null);
    UUID tag = tag();
    api().put("/api/v1/computers/" + server + "/tags/" + tag, null);

    assertThat(names(list("?q=" + marker.toUpperCase()))).hasSize(3);
    assertThat(names(list("?tenantId=" + tenant + "&q=" + marker)))
        .containsExactly(marker + "-srv", marker + "-ws");
    assertThat(names(list("?tenantId=" + tenant + "&type=SERVER")))
        .containsExactly("elsewhere", marker + "-srv");
    assertThat(names(list("?tagId=" + tag))).containsExactly(marker + "-srv");
    assertThat(api().get("/api/v1/computers?type=TOASTER").status()).isEqualTo(400);
  }

  @Test
  void computersArePaged() {
    UUID tenant = tenant();
    for (int i = 0; i < 3; i++) {
      createComputer(tenant, "pc-" + i, "PORTABLE", null);
    }
    var second = list("?tenantId=" + tenant + "&size=2&page=1");
    assertThat(second.path("total").asLong()).isEqualTo(3);
    assertThat(second.path("page").asInt()).isEqualTo(1);
    assertThat(names(second)).containsExactly("pc-2");
  }

  private JsonNode list(String query) {
    var r = api().get("/api/v1/computers" + query);
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("items").forEach(i -> names.add(i.path("name").asString()));
    return names;
  }
}
