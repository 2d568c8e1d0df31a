package dev.tenantry.deployments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which deployments apply to a computer now (DESIGN §8), with precedence applied: one winner per
 * software or task. Maintenance sessions record this list when they are created.
 */
public interface ApplicableDeployments {

  /** The winners for this computer, in precedence order; empty for an unknown computer. */
  List<AppliedDeployment> forComputer(UUID computerId);

  /**
   * The winners for each of the computers, exactly as {@link #forComputer} answers one by one, in a
   * few set-based statements (schedule firings and batch session requests resolve a whole batch at
   * once). Every known computer is a key (with an empty list when nothing applies); unknown ids are
   * left out.
   */
  Map<UUID, List<AppliedDeployment>> forComputers(Collection<UUID> computerIds);
}
