package dev.tenantry.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed full verification (signature, header rules, lifetime, Entra claims),
 * keyed by the SHA-256 of the token text, so that a client sending the same bearer token again is
 * not verified again. An entry lives until the token's {@code exp} (no clock-skew grace) and at
 * most {@link #MAX_AGE}, the same bound {@link TrustedTenants} keeps for an unlinked tenant.
 * Failures are never cached; the hash, never the token, is kept. Who the user is and whether they
 * may still act is decided on every request anyway ({@link ActorResolver}).
 */
final class CachingJwtDecoder implements JwtDecoder {
  static final Duration MAX_AGE = TrustedTenants.TTL;
  static final int MAX_ENTRIES = 10_000;
  private final JwtDecoder verifier;
  private final Clock clock;
  private final Map<Key, Entry> verified = new ConcurrentHashMap<>();

  CachingJwtDecoder(JwtDecoder verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Key key = Key.of(token);
    Instant now = clock.instant();
    Entry hit = verified.get(key);
    if (hit != null && now.isBefore(hit.until())) {
      return hit.jwt();
    }
    if (hit != null) {
      verified.remove(key, hit);
    }
    Jwt jwt = verifier.decode(token);
    Instant until = now.plus(MAX_AGE);
    if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
      until = jwt.getExpiresAt();
    }
    if (verified.size() >= MAX_ENTRIES) {
      verified.values().removeIf(e -> !now.isBefore(e.until()));
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear(); // many distinct live tokens: start over rather than grow
      }
    }
    verified.put(key, new Entry(jwt, until));
    return jwt;
  }

  int size() {
    return verified.size();
  }

  private record Entry(Jwt jwt, Instant until) {}

  /**
   * Cloned for each token: {@code MessageDigest.getInstance} looks the algorithm up in the security
   * providers on every call, and a thread-local would not help, since requests run on virtual
   * threads (one per request).
   */
  private static final MessageDigest SHA256;

  static {
    try {
      SHA256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** SHA-256 of the token text, kept whole as four longs. */
  private record Key(long a, long b, long c, long d) {
    static Key of(String token) {
      MessageDigest sha;
      try {
        sha = (MessageDigest) SHA256.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
      byte[] h = sha.digest(token.getBytes(StandardCharsets.US_ASCII));
      return new Key(word(h, 0), word(h, 8), word(h, 16), word(h, 24));
    }

    private static long word(byte[] h, int at) {
      long v = 0;
      for (int i = at; i < at + 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
  }
}
