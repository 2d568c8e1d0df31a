package dev.tenantry.deployments;

import java.util.List;
import java.util.UUID;

/**
 * Which deployments apply to a computer now (DESIGN §8), with precedence applied: one winner per
 * software or task. Maintenance sessions record this list when they are created.
 */
public interface ApplicableDeployments {

  /** The winners for this computer, in precedence order; empty for an unknown computer. */
  List<AppliedDeployment> forComputer(UUID computerId);
}
