package dev.tenantry.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.support.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Resolution in SQL over today's tree and tags, the preview, and the computer's own list. */
class ResolutionTest extends DeploymentTestSupport {

  @Test
  void tenantWithChildrenReachesChildrenCreatedLater() {
    UUID parent = testUsers.clientTenant("res-parent");
    UUID child = testUsers.tenant("res-child", parent, false);
    testUsers.computer(parent, ComputerType.WORKSTATION);
    testUsers.computer(child, ComputerType.SERVER);
    Sw sw = globalSoftware("Notepad++");
    Http admin = signedIn();
    String id =
        id(
            admin.post(
                "/api/v1/deployments",
                install(
                    sw, target("kind", "TENANT", "tenantId", parent, "includeChildren", true))));
    assertThat(admin.get("/api/v1/deployments/" + id + "/computers").json().path("total").asLong())
        .isEqualTo(2);
    UUID later = testUsers.tenant("res-later", child, false);
    UUID pc = testUsers.computer(later, ComputerType.PORTABLE);
    JsonNode page = admin.get("/api/v1/deployments/" + id + "/computers?size=1").json();
    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(page.path("items").size()).isEqualTo(1);
    assertThat(admin.get("/api/v1/deployments/" + id + "/computers?size=50").raw())
        .contains(pc.toString());
  }

  @Test
  void previewShowsWhatAnUnsavedTargetReachesWithoutExcludedTenants() {
    UUID msp = testUsers.mspTenant();
    UUID in = testUsers.clientTenant("prev-in");
    UUID out = testUsers.clientTenant("prev-out");
    UUID pcIn = testUsers.computer(in, ComputerType.WORKSTATION);
    UUID pcOut = testUsers.computer(out, ComputerType.WORKSTATION);
    setTenantPreference(out, "maintenance.excludeFromCrossTenant", true);
    long before = count("deployment");
    Http.Response r =
        signedIn()
            .post(
                "/api/v1/deployments/preview?size=500",
                Map.of("target", target("kind", "CROSS_TENANT", "mspId", msp)));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.raw()).contains(pcIn.toString()).doesNotContain(pcOut.toString());
    assertThat(count("deployment")).as("a preview saves nothing").isEqualTo(before);
    Http.Response tenantOnly =
        signedIn()
            .post(
                "/api/v1/deployments/preview",
                Map.of("target", target("kind", "TENANT", "tenantId", out)));
    assertThat(tenantOnly.json().path("total").asLong())
        .as("only cross-tenant targets skip excluded tenants")
        .isEqualTo(1);
  }

  @Test
  void resolutionShowsOnlyComputersTheCallerMayView() {
    UUID a = testUsers.clientTenant("res-vis-a");
    UUID b = testUsers.clientTenant("res-vis-b");
    UUID tag = testUsers.tag("res-vis");
    testUsers.tagTenant(a, tag);
    testUsers.tagTenant(b, tag);
    UUID pcA = testUsers.computer(a, ComputerType.WORKSTATION);
    UUID pcB = testUsers.computer(b, ComputerType.WORKSTATION);
    Http.Response r =
        customerAdmin(a)
            .http()
            .post(
                "/api/v1/deployments/preview",
                Map.of("target", target("kind", "TENANT", "tenantId", b)));
    assertThat(r.status()).as("another customer's tenant: %s", r).isEqualTo(404);
    Http.Response tagged =
        signedIn()
            .post(
                "/api/v1/deployments/preview?size=500",
                Map.of("target", target("kind", "TENANT_TAG", "tagId", tag)));
    assertThat(tagged.raw()).contains(pcA.toString(), pcB.toString());
  }

  @Test
  void computerListsEveryDeploymentWithAppliesOrOverriddenBy() {
    UUID a = testUsers.clientTenant("rev");
    UUID pc = testUsers.computer(a, ComputerType.WORKSTATION);
    Sw sw = globalSoftware("PuTTY");
    Http admin = signedIn();
    String wide =
        id(admin.post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a))));
    String narrow =
        id(
            admin.post(
                "/api/v1/deployments",
                state(sw, "UNINSTALL", target("kind", "COMPUTER", "computerId", pc))));
    Http.Response r = admin.get("/api/v1/computers/" + pc + "/deployments");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode mine =
        r.json()
            .valueStream()
            .filter(n -> n.path("deployment").path("subjectId").asString().equals(sw.id()))
            .collect(
                java.util.stream.Collectors.collectingAndThen(
                    java.util.stream.Collectors.toList(), Http.json()::valueToTree));
    assertThat(mine.size()).isEqualTo(2);
    assertThat(mine.get(0).path("deployment").path("id").asString()).isEqualTo(narrow);
    assertThat(mine.get(0).path("outcome").asString()).isEqualTo("APPLIES");
    assertThat(mine.get(1).path("deployment").path("id").asString()).isEqualTo(wide);
    assertThat(mine.get(1).path("outcome").asString()).isEqualTo("OVERRIDDEN");
    assertThat(mine.get(1).path("overriddenBy").asString()).isEqualTo(narrow);
    UUID other = testUsers.clientTenant("rev-other");
    assertThat(customerAdmin(other).http().get("/api/v1/computers/" + pc + "/deployments").status())
        .isEqualTo(404);
    assertThat(List.of(wide, narrow)).doesNotHaveDuplicates();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
