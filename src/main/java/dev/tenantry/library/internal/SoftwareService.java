package dev.tenantry.library.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Software use cases: each change is checked, applied and audited in one transaction. */
@Service
public class SoftwareService {
  static final String TYPE = "software";
  private static final LibraryKind KIND = LibraryKind.SOFTWARE;
  private final SoftwareRepository software;
  private final ScriptService scripts;
  private final FileStore files;
  private final LibraryAccess access;
  private final OwnedObjects owned;
  private final Authorizer authorizer;
  private final AuditLog audit;
  private final OwnedObjects.Kind<SoftwareRepository.Row> kind;

  SoftwareService(
      SoftwareRepository software,
      ScriptService scripts,
      FileStore files,
      LibraryAccess access,
      OwnedObjects owned,
      Authorizer authorizer,
      AuditLog audit) {
    this.software = software;
    this.scripts = scripts;
    this.files = files;
    this.access = access;
    this.owned = owned;
    this.authorizer = authorizer;
    this.audit = audit;
    this.kind =
        new OwnedObjects.Kind<>(
            KIND,
            "software",
            TYPE,
            software::find,
            SoftwareRepository.Row::ownership,
            r -> r.view().version(),
            SoftwareRepository.Row::view);
  }

  @Transactional(readOnly = true)
  public Page<SoftwareViews.Software> list(
      @Nullable String q,
      @Nullable UUID ownerTenantId,
      @Nullable String owner,
      String sort,
      int page,
      int size) {
    ListSql sql = new ListSql("s", access.listFilter(KIND, "s")).common(q, ownerTenantId, owner);
    return software.list(sql, sort, page, size).map(SoftwareRepository.Row::view);
  }

  @Transactional(readOnly = true)
  public SoftwareViews.Software get(UUID id) {
    return owned.visible(kind, id, false).view();
  }

  @Transactional
  public SoftwareViews.Software create(SoftwareViews.Save s) {
    Ownership own = owned.forCreate(kind, s.ownerTenantId(), s.global(), false);
    requireReferences(s);
    UUID id = UUID.randomUUID();
    software.upsert(id, own, s, authorizer.requireUser(), true);
    SoftwareViews.Software created = software.find(id, false).orElseThrow().view();
    owned.created(kind, id, own, created);
    return created;
  }

  @Transactional
  public SoftwareViews.Software update(UUID id, long expectedVersion, SoftwareViews.Save s) {
    SoftwareRepository.Row before = owned.visible(kind, id, true);
    Ownership own =
        owned.forUpdate(kind, id, before, expectedVersion, s.ownerTenantId(), s.global(), false);
    requireReferences(s);
    software.upsert(id, own, s, null, false);
    SoftwareViews.Software after = software.find(id, false).orElseThrow().view();
    owned.changed(
        kind,
        "updated",
        id,
        own.ownerTenantId(),
        before.view().ownerTenantId(),
        before.view(),
        after);
    return after;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    SoftwareRepository.Row s = owned.forDelete(kind, id, expectedVersion);
    software.softDelete(id);
    owned.deleted(kind, id, s.view().ownerTenantId(), s.view());
  }

  @Transactional(readOnly = true)
  public List<SoftwareViews.Version> versions(UUID id) {
    owned.visible(kind, id, false);
    return software.versions(id);
  }

  /**
   * Adds a version, pinning the software's install/uninstall/test scripts at their current
   * versions.
   */
  @Transactional
  public SoftwareViews.Version addVersion(UUID id, SoftwareViews.AddVersion v) {
    SoftwareRepository.Row s = owned.forManage(kind, id);
    String sortKey;
    try {
      sortKey = VersionOrder.sortKey(v.version());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("version: " + e.getMessage());
    }
    if (VersionOrder.tokens(v.version()).isEmpty()) {
      throw ApiException.invalid("version: needs at least one number or word, such as 1.2.3");
    }
    if (software.versionExists(id, v.version())) {
      throw ApiException.duplicate("software " + id + " already has version " + v.version());
    }
    UUID versionId = UUID.randomUUID();
    software.insertVersion(
        versionId,
        id,
        v,
        sortKey,
        pinned(s.view().installScriptId()),
        pinned(s.view().uninstallScriptId()),
        pinned(s.view().testScriptId()),
        authorizer.requireUser());
    SoftwareViews.Version created = software.version(id, versionId).orElseThrow();
    audit.record(
        AuditEntry.created(
            "software.version-added",
            TYPE,
            id,
            s.view().ownerTenantId(),
            Map.of("softwareVersion", created)));
    return created;
  }

  /**
   * "Adopt the new version": a new software version copying {@code versionId}'s installer, URL and
   * release notes, and pinning the latest versions of the software's install/uninstall/test
   * scripts. The version it starts from never changes. {@code newVersion} defaults to the old
   * string with {@code +1} (or the next free number) appended. When {@code versionId} already pins
   * the latest scripts nothing is written: the answer is that version, not created.
   */
  @Transactional
  public SoftwareViews.Adopted adoptLatestScripts(
      UUID id, UUID versionId, @Nullable String newVersion) {
    SoftwareRepository.Row s = owned.forManage(kind, id);
    SoftwareViews.Version from =
        software
            .version(id, versionId)
            .orElseThrow(() -> ApiException.notFound("software version", versionId));
    UUID install = pinned(s.view().installScriptId());
    UUID uninstall = pinned(s.view().uninstallScriptId());
    UUID test = pinned(s.view().testScriptId());
    if (java.util.Objects.equals(install, from.installScriptVersionId())
        && java.util.Objects.equals(uninstall, from.uninstallScriptVersionId())
        && java.util.Objects.equals(test, from.testScriptVersionId())) {
      return new SoftwareViews.Adopted(from, false);
    }
    String version = newVersion == null || newVersion.isBlank() ? nextFree(id, from) : newVersion;
    String sortKey = sortKey(version);
    if (software.versionExists(id, version)) {
      throw ApiException.duplicate("software " + id + " already has version " + version);
    }
    UUID created = UUID.randomUUID();
    software.insertVersion(
        created,
        id,
        new SoftwareViews.AddVersion(version, from.downloadUrl(), from.releaseNotes()),
        sortKey,
        install,
        uninstall,
        test,
        authorizer.requireUser());
    software
        .installerBlob(versionId)
        .ifPresent(blob -> software.setInstaller(created, blob, from.installerFileName()));
    SoftwareViews.Version after = software.version(id, created).orElseThrow();
    audit.record(
        AuditEntry.created(
            "software.scripts-adopted",
            TYPE,
            id,
            s.view().ownerTenantId(),
            Map.of("fromVersion", from, "softwareVersion", after)));
    return new SoftwareViews.Adopted(after, true);
  }

  private String nextFree(UUID id, SoftwareViews.Version from) {
    for (int n = 1; ; n++) {
      String candidate = from.version() + "+" + n;
      if (!software.versionExists(id, candidate)) {
        return candidate;
      }
    }
  }

  private static String sortKey(String version) {
    if (version.length() > 100) {
      throw ApiException.invalid("version: at most 100 characters; name the new version");
    }
    if (VersionOrder.tokens(version).isEmpty()) {
      throw ApiException.invalid("version: needs at least one number or word, such as 1.2.3");
    }
    try {
      return VersionOrder.sortKey(version);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("version: " + e.getMessage());
    }
  }

  @Transactional(readOnly = true)
  public boolean canManage(UUID id) {
    return owned.canManage(kind, id);
  }

  @Transactional
  public SoftwareViews.Version uploadInstaller(
      UUID id, UUID versionId, String fileName, InputStream in, long declaredLength) {
    SoftwareRepository.Row s = owned.forManage(kind, id);
    SoftwareViews.Version before =
        software
            .version(id, versionId)
            .orElseThrow(() -> ApiException.notFound("software version", versionId));
    FileStore.Blob blob = files.store(in, declaredLength);
    software.setInstaller(versionId, blob.id(), fileName);
    SoftwareViews.Version after = software.version(id, versionId).orElseThrow();
    audit.record(
        AuditEntry.changed(
            "software.installer-uploaded", TYPE, id, s.view().ownerTenantId(), before, after));
    return after;
  }

  @Transactional(readOnly = true)
  public Download installer(UUID id, UUID versionId) {
    owned.visible(kind, id, false);
    SoftwareViews.Version v =
        software
            .version(id, versionId)
            .orElseThrow(() -> ApiException.notFound("software version", versionId));
    FileStore.Blob blob =
        software
            .installerBlob(versionId)
            .flatMap(files::find)
            .orElseThrow(() -> ApiException.notFound("installer of software version", versionId));
    return new Download(
        blob,
        v.installerFileName().isEmpty() ? "installer" : v.installerFileName(),
        "application/octet-stream");
  }

  /**
   * Sets the software's icon from an uploaded image (PNG, JPEG, GIF or WebP by its first bytes, at
   * most 256 KiB; never SVG). The icon is stored as a media object of the software's owner.
   */
  @Transactional
  public SoftwareViews.Software setIcon(
      UUID id, String fileName, InputStream in, long declaredLength) {
    SoftwareRepository.Row before = owned.forManage(kind, id);
    byte[] bytes = Icons.read(in, declaredLength);
    String type = Icons.requireImage(bytes);
    FileStore.Blob blob = files.store(new java.io.ByteArrayInputStream(bytes), bytes.length);
    UUID media =
        software.insertIconMedia(
            before,
            "Icon of " + before.view().name(),
            fileName,
            type,
            blob.id(),
            authorizer.requireUser());
    software.setIcon(id, media);
    SoftwareViews.Software after = software.find(id, false).orElseThrow().view();
    owned.changed(
        kind,
        "icon-changed",
        id,
        before.view().ownerTenantId(),
        null,
        before.view(),
        java.util.Map.of("software", after, "iconSha256", blob.sha256(), "iconType", type));
    return after;
  }

  /**
   * The software's icon, if it is an allowed image: its type is read again from the stored bytes,
   * so an icon set through the API to any media is never served as what its media claims.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Download> icon(UUID id) {
    SoftwareViews.Software s = owned.visible(kind, id, false).view();
    if (s.iconMediaId() == null) {
      return java.util.Optional.empty();
    }
    return software
        .mediaBlob(s.iconMediaId())
        .flatMap(files::find)
        .filter(blob -> blob.size() > 0 && blob.size() <= Icons.MAX_SIZE)
        .flatMap(
            blob -> {
              java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
              try {
                files.copy(blob, 0, Math.min(blob.size(), 12) - 1, head);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return Icons.type(head.toByteArray()).map(type -> new Download(blob, "icon", type));
            });
  }

  private @Nullable UUID pinned(@Nullable UUID scriptId) {
    if (scriptId == null) {
      return null;
    }
    return scripts.latest(scripts.visibleScript(scriptId)).id();
  }

  private void requireReferences(SoftwareViews.Save s) {
    for (UUID script : new UUID[] {s.installScriptId(), s.uninstallScriptId(), s.testScriptId()}) {
      if (script != null) {
        scripts.visibleScript(script);
      }
    }
  }

  OwnedObjects.Kind<SoftwareRepository.Row> kind() {
    return kind;
  }
}
