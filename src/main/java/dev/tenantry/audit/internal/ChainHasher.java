package dev.tenantry.audit.internal;

import dev.tenantry.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * hash = SHA-256(prev_hash, seq, and every field of the event), each field length-prefixed so that
 * no two different events serialise alike.
 */
public final class ChainHasher {
  private ChainHasher() {}

  public static String hash(AuditEvent e) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    field(sha, e.prevHash());
    field(sha, Long.toString(e.seq()));
    field(sha, e.id().toString());
    field(sha, Long.toString(e.at().getEpochSecond()) + "." + e.at().getNano());
    field(sha, e.actorUserId() == null ? null : e.actorUserId().toString());
    field(sha, e.actorLabel());
    field(sha, e.impersonatorUserId() == null ? null : e.impersonatorUserId().toString());
    field(sha, e.action());
    field(sha, e.targetType());
    field(sha, e.targetId());
    field(sha, e.tenantId() == null ? null : e.tenantId().toString());
    field(sha, e.beforeJson());
    field(sha, e.afterJson());
    field(sha, e.requestId());
    field(sha, e.clientIp());
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void field(MessageDigest sha, String value) {
    if (value == null) {
      sha.update((byte) 0);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }
}
