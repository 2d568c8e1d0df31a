package dev.tenantry.library.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts library secrets at rest (DESIGN §7) with AES-256-GCM. Stored form: {@code key id (1
 * byte, 1–255) | 12-byte random nonce | ciphertext and 16-byte tag}; the object's id is bound as
 * associated data, so a ciphertext copied onto another row does not decrypt. Keys (base64 of 32
 * bytes; see docs/library.md): {@code tenantry.library.secret-key} is key 1 (the first format byte
 * was always 1, so older values are key-1 values), {@code tenantry.library.secret-keys.<id>} adds
 * more, and {@code tenantry.library.secret-key-id} (default 1) names the key new values are sealed
 * with. Every value opens with the key its id names; {@link SecretRotation} re-seals old ones.
 */
@Component
public class SecretBox {
  private static final int NONCE = 12;
  private final Map<Integer, SecretKeySpec> keys;
  private final int current;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  SecretBox(Environment env) {
    this(configuredKeys(env), env.getProperty("tenantry.library.secret-key-id", Integer.class, 1));
  }

  /** Keys by id (base64) and the id new values are sealed with. */
  SecretBox(Map<Integer, String> base64Keys, int currentId) {
    Map<Integer, SecretKeySpec> parsed = new HashMap<>();
    base64Keys.forEach((id, key) -> parsed.put(id, parse(id, key)));
    if (!parsed.containsKey(currentId)) {
      throw new IllegalStateException(
          "tenantry.library.secret-key-id is " + currentId + ", but no key has that id");
    }
    this.keys = Map.copyOf(parsed);
    this.current = currentId;
  }

  private static Map<Integer, String> configuredKeys(Environment env) {
    Map<Integer, String> keys = new HashMap<>();
    String first = env.getProperty("tenantry.library.secret-key");
    if (first != null && !first.isBlank()) {
      keys.put(1, first);
    }
    keys.putAll(
        Binder.get(env)
            .bind("tenantry.library.secret-keys", Bindable.mapOf(Integer.class, String.class))
            .orElse(Map.of()));
    return keys;
  }

  private static SecretKeySpec parse(int id, String base64Key) {
    if (id < 1 || id > 255) {
      throw new IllegalStateException("library secret key ids are 1 to 255, not " + id);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("library secret key " + id + " is not base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalStateException(
          "library secret key " + id + " must be 32 bytes (base64), not " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  /** The id of the key new values are sealed with. */
  public int currentKeyId() {
    return current;
  }

  public byte[] seal(byte[] plain, String boundTo) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(128, nonce));
      c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE + sealed.length)
          .put((byte) current)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a secret", e);
    }
  }

  public byte[] open(byte[] stored, String boundTo) {
    if (stored.length < 1 + NONCE + 16) {
      throw new IllegalStateException("not a sealed secret");
    }
    int keyId = Byte.toUnsignedInt(stored[0]);
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException(
          "a secret is sealed with key " + keyId + ", which is not configured");
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

  /** The same secret sealed with the current key (a fresh nonce). */
  byte[] reseal(byte[] stored, String boundTo) {
    return seal(open(stored, boundTo), boundTo);
  }

  public byte[] sealText(String plain, String boundTo) {
    return seal(plain.getBytes(StandardCharsets.UTF_8), boundTo);
  }

  public String openText(byte[] stored, String boundTo) {
    return new String(open(stored, boundTo), StandardCharsets.UTF_8);
  }
}
