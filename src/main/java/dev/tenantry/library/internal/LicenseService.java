package dev.tenantry.library.internal;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licenses of a software: a key and/or a file, both encrypted at rest (DESIGN §7), never in lists
 * or audit payloads (only "changed"), readable only over the owner's manage scope.
 */
@Service
public class LicenseService {
  static final String TYPE = "license";
  private static final LibraryKind KIND = LibraryKind.LICENSE;
  static final int MAX_FILE = 1024 * 1024;
  private static final String COLUMNS =
      "l.id, l.owner_tenant_id, l.created_by_msp_id, l.software_id, l.name, l.key_cipher is not null as key_set,"
          + " l.file_cipher is not null as file_set, l.file_name, l.expires_on, l.min_version, l.max_version,"
          + " l.created_at, l.updated_at, l.version";
  private final JdbcClient jdbc;
  private final SoftwareService software;
  private final SecretBox box;
  private final LibraryAccess access;
  private final OwnedObjects owned;
  private final Authorizer authorizer;
  private final OwnedObjects.Kind<License> kind =
      new OwnedObjects.Kind<>(
          KIND,
          "license",
          TYPE,
          this::find,
          License::ownership,
          License::version,
          l -> auditView(l, null));

  LicenseService(
      JdbcClient jdbc,
      SoftwareService software,
      SecretBox box,
      LibraryAccess access,
      OwnedObjects owned,
      Authorizer authorizer) {
    this.jdbc = jdbc;
    this.software = software;
    this.box = box;
    this.access = access;
    this.owned = owned;
    this.authorizer = authorizer;
  }

  /** A license as everyone who may view it sees it: whether a key or file exists, never what. */
  public record License(
      UUID id,
      @Nullable UUID ownerTenantId,
      boolean global,
      UUID softwareId,
      String name,
      boolean keySet,
      boolean fileSet,
      String fileName,
      @Nullable LocalDate expiresOn,
      @Nullable String minVersion,
      @Nullable String maxVersion,
      Instant createdAt,
      Instant updatedAt,
      long version,
      @com.fasterxml.jackson.annotation.JsonIgnore @Nullable UUID createdByMspId) {
    Ownership ownership() {
      return new Ownership(ownerTenantId, createdByMspId, false);
    }
  }

  /** {@code key}/{@code fileBase64}: null keeps the stored secret, empty removes it. */
  public record Save(
      UUID softwareId,
      String name,
      @Nullable String key,
      @Nullable String fileBase64,
      String fileName,
      @Nullable LocalDate expiresOn,
      @Nullable String minVersion,
      @Nullable String maxVersion,
      @Nullable UUID ownerTenantId,
      boolean global) {}

  public record Secret(@Nullable String key, String fileName, @Nullable String fileBase64) {}

  @Transactional(readOnly = true)
  public Page<License> list(
      @Nullable String q,
      @Nullable UUID ownerTenantId,
      @Nullable String owner,
      @Nullable UUID softwareId,
      String sort,
      int page,
      int size) {
    ListSql sql = new ListSql("l", access.listFilter(KIND, "l")).common(q, ownerTenantId, owner);
    if (softwareId != null) {
      sql.and("l.software_id = :softwareId", "softwareId", softwareId);
    }
    return sql.page(
        jdbc,
        "select " + COLUMNS + " from license l",
        "from license l",
        sort,
        page,
        size,
        LicenseService::row);
  }

  @Transactional(readOnly = true)
  public License get(UUID id) {
    return owned.visible(kind, id, false);
  }

  @Transactional
  public License create(Save s) {
    Ownership own = owned.forCreate(kind, s.ownerTenantId(), s.global(), false);
    validate(s);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into license (id, owner_tenant_id, created_by_msp_id, software_id, name, key_cipher, file_cipher,"
                + " file_name, expires_on, min_version, max_version, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            own.ownerTenantId(),
            own.createdByMspId(),
            s.softwareId(),
            s.name(),
            sealKey(s.key(), null, id),
            sealFile(s.fileBase64(), null, id),
            s.fileName(),
            s.expiresOn(),
            s.minVersion(),
            s.maxVersion(),
            authorizer.requireUser())
        .update();
    License created = find(id, false).orElseThrow();
    owned.created(kind, id, own, auditView(created, s));
    return created;
  }

  @Transactional
  public License update(UUID id, long expectedVersion, Save s) {
    License before = owned.visible(kind, id, true);
    Ownership own =
        owned.forUpdate(kind, id, before, expectedVersion, s.ownerTenantId(), s.global(), false);
    validate(s);
    Ciphers stored = ciphers(id);
    jdbc.sql(
            "update license set owner_tenant_id = ?, created_by_msp_id = ?, software_id = ?, name = ?, key_cipher = ?,"
                + " file_cipher = ?, file_name = ?, expires_on = ?, min_version = ?, max_version = ?, updated_at = now(),"
                + " version = version + 1 where id = ?")
        .params(
            own.ownerTenantId(),
            own.createdByMspId(),
            s.softwareId(),
            s.name(),
            sealKey(s.key(), stored.key(), id),
            sealFile(s.fileBase64(), stored.file(), id),
            s.fileName(),
            s.expiresOn(),
            s.minVersion(),
            s.maxVersion(),
            id)
        .update();
    License after = find(id, false).orElseThrow();
    owned.changed(
        kind,
        "updated",
        id,
        after.ownerTenantId(),
        before.ownerTenantId(),
        auditView(before, null),
        auditView(after, s));
    return after;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    License l = owned.forDelete(kind, id, expectedVersion);
    jdbc.sql("delete from license where id = ?").param(id).update();
    owned.deleted(kind, id, l.ownerTenantId(), auditView(l, null));
  }

  /** The key and file: only over the owner's manage scope (global: OWNER or the creating MSP). */
  @Transactional(readOnly = true)
  public Secret secret(UUID id) {
    License l = owned.visible(kind, id, false);
    if (!access.canReadSecrets(KIND, l.ownership())) {
      throw ApiException.forbidden(
          "A license's key and file are readable only with '"
              + KIND.manage().key()
              + "' over its owner"
              + (l.global() ? " (for a global license: at OWNER or the MSP that created it)" : ""));
    }
    Ciphers c = ciphers(id);
    return new Secret(
        c.key() == null ? null : box.openText(c.key(), id + "/key"),
        l.fileName(),
        c.file() == null
            ? null
            : Base64.getEncoder().encodeToString(box.open(c.file(), id + "/file")));
  }

  @Transactional(readOnly = true)
  public boolean canManage(UUID id) {
    return owned.canManage(kind, id);
  }

  /** Whether the caller may reveal the key and file ({@link #secret}). */
  @Transactional(readOnly = true)
  public boolean canReadSecret(UUID id) {
    return access.canReadSecrets(KIND, owned.visible(kind, id, false).ownership());
  }

  private record Ciphers(byte @Nullable [] key, byte @Nullable [] file) {}

  private Ciphers ciphers(UUID id) {
    return jdbc.sql("select key_cipher, file_cipher from license where id = ?")
        .param(id)
        .query((rs, i) -> new Ciphers(rs.getBytes(1), rs.getBytes(2)))
        .single();
  }

  private byte @Nullable [] sealKey(@Nullable String key, byte @Nullable [] stored, UUID id) {
    if (key == null) {
      return stored;
    }
    return key.isEmpty() ? null : box.sealText(key, id + "/key");
  }

  private byte @Nullable [] sealFile(@Nullable String base64, byte @Nullable [] stored, UUID id) {
    if (base64 == null) {
      return stored;
    }
    if (base64.isEmpty()) {
      return null;
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("fileBase64: not base64");
    }
    if (raw.length > MAX_FILE) {
      throw ApiException.invalid("fileBase64: a license file is at most " + MAX_FILE + " bytes");
    }
    return box.seal(raw, id + "/file");
  }

  private void validate(Save s) {
    software.get(s.softwareId()); // the software must exist and be visible (404 otherwise)
    for (String v : new String[] {s.minVersion(), s.maxVersion()}) {
      if (v != null && VersionOrder.tokens(v).isEmpty()) {
        throw ApiException.invalid("minVersion/maxVersion: not a version: " + v);
      }
    }
    if (s.minVersion() != null
        && s.maxVersion() != null
        && VersionOrder.compare(s.minVersion(), s.maxVersion()) > 0) {
      throw ApiException.invalid("minVersion is after maxVersion");
    }
  }

  /** Never the key or file, only that they changed. */
  private static Map<String, Object> auditView(License l, @Nullable Save change) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    m.put("softwareId", l.softwareId());
    m.put("ownerTenantId", l.ownerTenantId() == null ? "global" : l.ownerTenantId().toString());
    m.put("keySet", l.keySet());
    m.put("fileSet", l.fileSet());
    m.put("fileName", l.fileName());
    m.put("expiresOn", String.valueOf(l.expiresOn()));
    m.put("versionRange", l.minVersion() + ".." + l.maxVersion());
    if (change != null && change.key() != null) {
      m.put("key", "changed");
    }
    if (change != null && change.fileBase64() != null) {
      m.put("file", "changed");
    }
    return m;
  }

  private Optional<License> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select " + COLUMNS + " from license l where l.id = ?" + (lock ? " for update" : ""))
        .param(id)
        .query(LicenseService::row)
        .optional();
  }

  private static License row(ResultSet rs, int i) throws SQLException {
    java.sql.Date expires = rs.getDate("expires_on");
    return new License(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_tenant_id", UUID.class),
        rs.getObject("owner_tenant_id") == null,
        rs.getObject("software_id", UUID.class),
        rs.getString("name"),
        rs.getBoolean("key_set"),
        rs.getBoolean("file_set"),
        rs.getString("file_name"),
        expires == null ? null : expires.toLocalDate(),
        rs.getString("min_version"),
        rs.getString("max_version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"),
        rs.getObject("created_by_msp_id", UUID.class));
  }

  OwnedObjects.Kind<License> kind() {
    return kind;
  }
}
