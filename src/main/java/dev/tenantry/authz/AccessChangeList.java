package dev.tenantry.authz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a structural change newly grants (DESIGN §3.10): at most {@link #LIMIT} rows listed, the
 * counts over all of them, and a digest the caller echoes as {@code acceptAccessChanges} to confirm
 * the list it was shown.
 *
 * @param rows the first {@link #LIMIT} rows in canonical order
 * @param totalRows every row, listed or not
 * @param grants (user, permission, target) triples newly allowed
 * @param users distinct users who gain something
 * @param targets distinct tenants and computers on which something is gained
 * @param truncated more rows exist than are listed
 * @param digest SHA-256 (hex) of the canonical form of every row, listed or not
 */
public record AccessChangeList(
    List<AccessGain> rows,
    int totalRows,
    long grants,
    int users,
    int targets,
    boolean truncated,
    String digest) {
  public static final int LIMIT = 1_000;

  public static final AccessChangeList NONE = of(List.of(), 0, 0, 0);

  public AccessChangeList {
    rows = List.copyOf(rows);
  }

  /** Sorts the rows canonically, computes the digest over all of them, lists the first LIMIT. */
  public static AccessChangeList of(List<AccessGain> all, long grants, int users, int targets) {
    // each row's canonical line is built once (a demotion lists millions of rows)
    record Line(String canonical, AccessGain gain) {}
    List<Line> lines = new ArrayList<>(all.size());
    for (AccessGain g : all) {
      lines.add(new Line(g.canonical(), g));
    }
    // targets created by the change share the line ("new"): their ids break the tie, so the listed
    // order does not depend on the order the rows were found in (the digest does not either way)
    lines.sort(
        Comparator.comparing(Line::canonical).thenComparing(l -> l.gain().targetId().toString()));
    MessageDigest sha = sha256();
    List<AccessGain> sorted = new ArrayList<>(lines.size());
    for (Line l : lines) {
      sha.update(l.canonical().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sorted.add(l.gain());
    }
    return new AccessChangeList(
        sorted.subList(0, Math.min(LIMIT, sorted.size())),
        sorted.size(),
        grants,
        users,
        targets,
        sorted.size() > LIMIT,
        HexFormat.of().formatHex(sha.digest()));
  }

  public boolean isEmpty() {
    return totalRows == 0;
  }

  /** Whether {@code accepted} (what the caller confirmed) is this list's digest. */
  public boolean acceptedBy(@Nullable String accepted) {
    return accepted != null
        && MessageDigest.isEqual(
            digest.getBytes(StandardCharsets.US_ASCII),
            accepted.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
