package dev.tenantry.library.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts library secrets at rest (DESIGN §7) with AES-256-GCM under the key configured as {@code
 * tenantry.library.secret-key} (base64 of 32 bytes; see docs/library.md for key handling). Stored
 * form: {@code 0x01 | 12-byte random nonce | ciphertext and 16-byte tag}; the object's id is bound
 * as associated data, so a ciphertext copied onto another row does not decrypt.
 */
@Component
public class SecretBox {
  private static final byte FORMAT = 1;
  private static final int NONCE = 12;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(@Value("${tenantry.library.secret-key}") String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("tenantry.library.secret-key is not base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalStateException(
          "tenantry.library.secret-key must be 32 bytes (base64), not " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public byte[] seal(byte[] plain, String boundTo) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a secret", e);
    }
  }

  public byte[] open(byte[] stored, String boundTo) {
    if (stored.length < 1 + NONCE + 16 || stored[0] != FORMAT) {
      throw new IllegalStateException("not a sealed secret");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(128, Arrays.copyOfRange(stored, 1, 1 + NONCE)));
      c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      return c.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt a secret (wrong key or tampered row)", e);
    }
  }

  public byte[] sealText(String plain, String boundTo) {
    return seal(plain.getBytes(StandardCharsets.UTF_8), boundTo);
  }

  public String openText(byte[] stored, String boundTo) {
    return new String(open(stored, boundTo), StandardCharsets.UTF_8);
  }
}
