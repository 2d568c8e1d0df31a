package dev.tenantry.audit;

import org.jspecify.annotations.Nullable;

/** The result of re-walking the hash chain: where it first breaks, and why. */
public record ChainVerification(
    boolean valid, long eventsChecked, @Nullable Long firstBrokenSeq, @Nullable String problem) {

  public static ChainVerification ok(long checked) {
    return new ChainVerification(true, checked, null, null);
  }

  public static ChainVerification broken(long checked, long seq, String problem) {
    return new ChainVerification(false, checked, seq, problem);
  }
}
