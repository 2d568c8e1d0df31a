package dev.tenantry.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.support.Http;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN §8 precedence and resolution, through {@link ApplicableDeployments}. */
class PrecedenceTest extends DeploymentTestSupport {
  @Autowired ApplicableDeployments applicable;

  /** The winners on the computer among the deployments of the given software. */
  private List<String> winners(UUID computer, Sw sw) {
    return applicable.forComputer(computer).stream()
        .filter(d -> d.subjectId().toString().equals(sw.id()))
        .map(d -> d.deploymentId().toString())
        .toList();
  }

  @Test
  void enforcedDeploymentBeatsNarrowerOne() {
    UUID a = testUsers.clientTenant("enf");
    UUID pc = testUsers.computer(a, ComputerType.WORKSTATION);
    Sw sw = globalSoftware("7-Zip");
    Http admin = signedIn();
    String narrow =
        id(
            admin.post(
                "/api/v1/deployments",
                state(sw, "UNINSTALL", target("kind", "COMPUTER", "computerId", pc))));
    String wide =
        id(admin.post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a))));
    assertThat(winners(pc, sw))
        .as("the computer target is the most specific")
        .containsExactly(narrow);
    String enforced =
        id(
            admin.post(
                "/api/v1/deployments",
                install(sw, target("kind", "CROSS_TENANT"), "enforced", true)));
    assertThat(winners(pc, sw)).containsExactly(enforced);
    assertThat(wide).isNotEqualTo(enforced);
  }

  @Test
  void mostSpecificTargetWinsThenPriorityThenNewest() {
    UUID parent = testUsers.clientTenant("parent");
    UUID child = testUsers.tenant("child", parent, false);
    UUID tag = testUsers.tag("spec");
    testUsers.tagTenant(child, tag);
    UUID pc = testUsers.computer(child, ComputerType.WORKSTATION);
    Sw sw = globalSoftware("Git");
    Http admin = signedIn();
    String cross =
        id(admin.post("/api/v1/deployments", install(sw, target("kind", "CROSS_TENANT"))));
    assertThat(winners(pc, sw)).containsExactly(cross);
    String byTag =
        id(
            admin.post(
                "/api/v1/deployments", install(sw, target("kind", "TENANT_TAG", "tagId", tag))));
    assertThat(winners(pc, sw)).containsExactly(byTag);
    String inherited =
        id(
            admin.post(
                "/api/v1/deployments",
                install(
                    sw, target("kind", "TENANT", "tenantId", parent, "includeChildren", true))));
    assertThat(winners(pc, sw)).containsExactly(inherited);
    String own =
        id(
            admin.post(
                "/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", child))));
    assertThat(winners(pc, sw)).as("the tenant's own over an inherited one").containsExactly(own);
    String higher =
        id(
            admin.post(
                "/api/v1/deployments",
                install(sw, target("kind", "TENANT", "tenantId", child), "priority", 5)));
    assertThat(winners(pc, sw)).containsExactly(higher);
    String newest =
        id(
            admin.post(
                "/api/v1/deployments",
                install(sw, target("kind", "TENANT", "tenantId", child), "priority", 5)));
    assertThat(winners(pc, sw)).containsExactly(newest);
    Sw other = globalSoftware("Other");
    String second =
        id(
            admin.post(
                "/api/v1/deployments",
                install(other, target("kind", "TENANT", "tenantId", parent))));
    assertThat(winners(pc, sw))
        .as("without children the parent's deployment stays there")
        .containsExactly(newest);
    assertThat(second).isNotBlank();
  }

  @Test
  void excludedTenantIsSkipped() {
    UUID msp = testUsers.mspTenant();
    UUID in = testUsers.clientTenant("in");
    UUID out = testUsers.clientTenant("out");
    UUID below = testUsers.tenant("below", out, false);
    UUID pcIn = testUsers.computer(in, ComputerType.WORKSTATION);
    UUID pcOut = testUsers.computer(out, ComputerType.WORKSTATION);
    UUID pcBelow = testUsers.computer(below, ComputerType.WORKSTATION);
    setTenantPreference(out, "maintenance.excludeFromCrossTenant", true);
    Sw sw = globalSoftware("Office");
    String cross =
        id(
            signedIn()
                .post(
                    "/api/v1/deployments",
                    install(sw, target("kind", "CROSS_TENANT", "mspId", msp))));
    assertThat(winners(pcIn, sw)).contains(cross);
    assertThat(winners(pcOut, sw)).doesNotContain(cross);
    assertThat(winners(pcBelow, sw)).as("a child inherits the exclusion").doesNotContain(cross);
  }
}
