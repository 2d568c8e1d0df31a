package dev.tenantry.deployments.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.deployments.internal.DeploymentResolution;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The reverse of resolution: which deployments reach a computer, and which of them applies. */
@RestController
class ComputerDeploymentsController {
  private final DeploymentResolution resolution;

  ComputerDeploymentsController(DeploymentResolution resolution) {
    this.resolution = resolution;
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW},
      on = On.COMPUTER,
      note =
          "lists the deployments reaching the computer that the caller may view (deployments:view; tag and"
              + " cross-tenant: also cross-tenant-deployments:view), each APPLIES or OVERRIDDEN (DESIGN §8 precedence)")
  @GetMapping("/api/v1/computers/{id}/deployments")
  List<DeploymentResolution.OnComputer> forComputer(@PathVariable UUID id) {
    return resolution.forComputer(id);
  }
}
