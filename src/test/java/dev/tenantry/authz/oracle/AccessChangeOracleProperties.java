package dev.tenantry.authz.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * DESIGN §3.6 and §5 checked by the independent oracle ({@link AccessChangeOracle}): no accepted
 * request gives anyone, now or later, what the actor's assignments at request time do not allow.
 * 10,000 random cases per run against the engine's rules in memory; the named examples are the
 * seeds on which the rules before issue 8 ({@link TodaysRules}) failed — each shows the oracle
 * rejecting the old rules and accepting the current ones — and seeds on which later rules failed
 * ({@link #holdsNow}: the case, drawn as the property draws it, holds now).
 */
class AccessChangeOracleProperties {
  private final CurrentRules current = new CurrentRules();
  private final TodaysRules before = new TodaysRules();

  @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
  void noAcceptedRequestEverGivesMoreThanTheActorHeld(@ForAll long seed) {
    OracleCases.Case c = OracleCases.generate(seed, "", OracleCases.NOW, true);
    Optional<String> v = AccessChangeOracle.violation(c, current);
    Statistics.label("request").collect(c.request().getClass().getSimpleName());
    Statistics.label("accepted")
        .collect(current.accepts(withNewcomer(c), c.actor(), c.request(), c.now()));
    assertThat(v).as("seed %d", seed).isEmpty();
  }

  /** Issue 8 case 1: a tag selector without a tenant limit covered nothing yet. */
  @Example
  void rule6eTagSelectorCoveringNothingYetReachesEveryComputer_seed7599() {
    failedBeforeHoldsNow(7599, "create computer");
  }

  /** Issue 8 case 1: a type selector without a tenant limit; a later type change widened it. */
  @Example
  void rule6eTypeSelectorReachesEveryComputerOfItsTypes_seed5211() {
    failedBeforeHoldsNow(5211, "change type");
  }

  /** A role edit, then tagging and a merge, gave a permission the editor never held there. */
  @Example
  void rule6iRoleEditJudgedAsRecreatingLiveAssignments_seed7760() {
    failedBeforeHoldsNow(7760, "merge");
  }

  @Example
  void rule6fPermanentGrantOutlivesTheActorsOneHourSupport_seed1407() {
    failedBeforeHoldsNow(1407, "do not allow");
  }

  @Example
  void rule6fGroupGrantOutlivesTheActorsSupport_seed747() {
    failedBeforeHoldsNow(747, "do not allow");
  }

  @Example
  void rule6gRemovingADenyGrantsWhatItDenied_seed805() {
    failedBeforeHoldsNow(805, "do not allow");
  }

  @Example
  void rule6gRemovingADenyGrantsWhatItDenied_seed1974() {
    failedBeforeHoldsNow(1974, "do not allow");
  }

  @Example
  void rule6dMembershipGivesNoMoreThanTheActorHolds_seed551() {
    failedBeforeHoldsNow(551, "do not allow");
  }

  @Example
  void rule6dMembershipGivesNoMoreThanTheActorHolds_seed1391() {
    failedBeforeHoldsNow(1391, "do not allow");
  }

  @Example
  void rule6dApprovalGivesNoMoreThanTheActorHolds_seed33() {
    failedBeforeHoldsNow(33, "do not allow");
  }

  @Example
  void rule6dApprovalGivesNoMoreThanTheActorHolds_seed88() {
    failedBeforeHoldsNow(88, "do not allow");
  }

  @Example
  void rule6iRoleEditJudgedAsRecreatingLiveAssignments_seed359() {
    failedBeforeHoldsNow(359, "do not allow");
  }

  @Example
  void rule6iRoleEditJudgedAsRecreatingLiveAssignments_seed627() {
    failedBeforeHoldsNow(627, "do not allow");
  }

  /** Issue 8 case 4: a user re-created her own assignment. */
  @Example
  void rule6fNoOneAssignsToThemselves_seed300() {
    failedBeforeHoldsNow(300, "own access");
  }

  @Example
  void rule6fNoOneRemovesTheirOwnAssignment_seed1() {
    failedBeforeHoldsNow(1, "own access");
  }

  @Example
  void rule6fNoOneAddsThemselvesToAGroup_seed323() {
    failedBeforeHoldsNow(323, "own access");
  }

  @Example
  void rule6eInactiveActorChangesNothing_seed243() {
    failedBeforeHoldsNow(243, "inactive actor");
  }

  /**
   * CI of stop 17: approving TENANT(t, children) by an actor with ALLOW@OWNER and an unlimited
   * tenant tag DENY, no tenant of the subtree tagged yet; a tenant tagged and created under t later
   * gave the newcomer `computers:delete` where the actor is denied it. A DENY is judged by its
   * reach.
   */
  @Example
  void rule6eTagDenyMeetsEveryReachItCanEverCover_seedMinus23235988728940() {
    holdsNow(-23235988728940L);
  }

  /**
   * Approving USERS_TENANT (judged as TENANT(t)) on the support of a tenant tag ALLOW covering t
   * today; t untagged, then a computer created in it: the newcomer sees it, the actor never could.
   */
  @Example
  void rule6eTagAllowNeverSupportsATenantsLaterComputers_seed7086264338534608090() {
    holdsNow(7086264338534608090L);
  }

  /** A case as the property draws it (MSP-limited tag scopes included) holds now. */
  private void holdsNow(long seed) {
    OracleCases.Case c = OracleCases.generate(seed, "", OracleCases.NOW, true);
    assertThat(AccessChangeOracle.violation(c, current)).as("seed %d", seed).isEmpty();
  }

  private void failedBeforeHoldsNow(long seed, String why) {
    OracleCases.Case c = OracleCases.generate(seed);
    assertThat(AccessChangeOracle.violation(c, before))
        .hasValueSatisfying(v -> assertThat(v).contains(why));
    assertThat(AccessChangeOracle.violation(c, current)).isEmpty();
  }

  private static OracleWorld withNewcomer(OracleCases.Case c) {
    OracleWorld w = c.world().copy();
    if (c.request() instanceof OracleRequest.Approve a) {
      w.users.put(a.newUser(), new OracleWorld.User(a.newUser(), a.tenant(), true, null));
    }
    return w;
  }
}
