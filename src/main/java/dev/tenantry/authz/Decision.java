package dev.tenantry.authz;

import java.util.Objects;

/**
 * The answer to a check: allowed or not, and the rule that decided. {@link #of(DecisionRule)}
 * returns shared instances, so deciding allocates nothing.
 */
public record Decision(boolean allowed, DecisionRule rule) {

  private static final Decision[] SHARED = create();

  public Decision {
    Objects.requireNonNull(rule, "rule");
    if (allowed != rule.allows()) {
      throw new IllegalArgumentException(rule + " cannot " + (allowed ? "allow" : "deny"));
    }
  }

  public static Decision of(DecisionRule rule) {
    return SHARED[rule.ordinal()];
  }

  public static final Decision ALLOWED = of(DecisionRule.ALLOWED);
  public static final Decision DENY_WINS = of(DecisionRule.DENY_WINS);
  public static final Decision DEFAULT_DENY = of(DecisionRule.DEFAULT_DENY);

  public boolean denied() {
    return !allowed;
  }

  private static Decision[] create() {
    DecisionRule[] rules = DecisionRule.values();
    Decision[] shared = new Decision[rules.length];
    for (DecisionRule r : rules) {
      shared[r.ordinal()] = new Decision(r.allows(), r);
    }
    return shared;
  }
}
