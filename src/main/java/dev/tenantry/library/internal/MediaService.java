package dev.tenantry.library.internal;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Media: named files owned by a tenant or global; the bytes live in {@link FileStore}. */
@Service
public class MediaService {
  static final String TYPE = "media";
  private static final LibraryKind KIND = LibraryKind.MEDIA;
  private static final String COLUMNS =
      "m.id, m.owner_tenant_id, m.created_by_msp_id, m.name, m.description, m.file_name,"
          + " m.content_type, m.blob_id, b.size, b.sha256, m.created_at, m.updated_at, m.version";
  private final JdbcClient jdbc;
  private final FileStore files;
  private final OwnedObjects owned;
  private final Authorizer authorizer;
  private final LibraryAccess access;
  private final OwnedObjects.Kind<Media> kind =
      new OwnedObjects.Kind<>(
          KIND, "media", TYPE, this::find, Media::ownership, Media::version, m -> m);

  MediaService(
      JdbcClient jdbc,
      FileStore files,
      OwnedObjects owned,
      LibraryAccess access,
      Authorizer authorizer) {
    this.jdbc = jdbc;
    this.files = files;
    this.owned = owned;
    this.access = access;
    this.authorizer = authorizer;
  }

  public record Media(
      UUID id,
      @Nullable UUID ownerTenantId,
      boolean global,
      String name,
      String description,
      String fileName,
      String contentType,
      boolean hasContent,
      long size,
      @Nullable String sha256,
      Instant createdAt,
      Instant updatedAt,
      long version,
      @com.fasterxml.jackson.annotation.JsonIgnore @Nullable UUID createdByMspId,
      @com.fasterxml.jackson.annotation.JsonIgnore @Nullable UUID blobId) {
    Ownership ownership() {
      return new Ownership(ownerTenantId, createdByMspId, false);
    }
  }

  public record Save(
      String name,
      String description,
      String fileName,
      String contentType,
      @Nullable UUID ownerTenantId,
      boolean global) {}

  @Transactional(readOnly = true)
  public Page<Media> list(
      @Nullable String q,
      @Nullable UUID ownerTenantId,
      @Nullable String owner,
      String sort,
      int page,
      int size) {
    return new ListSql("m", access.listFilter(KIND, "m"))
        .common(q, ownerTenantId, owner)
        .page(
            jdbc,
            "select " + COLUMNS + " from media m left join file_blob b on b.id = m.blob_id",
            "from media m",
            sort,
            page,
            size,
            MediaService::row);
  }

  @Transactional(readOnly = true)
  public Media get(UUID id) {
    return owned.visible(kind, id, false);
  }

  @Transactional
  public Media create(Save s) {
    Ownership own = owned.forCreate(kind, s.ownerTenantId(), s.global(), false);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into media (id, owner_tenant_id, created_by_msp_id, name, description, file_name,"
                + " content_type, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            own.ownerTenantId(),
            own.createdByMspId(),
            s.name(),
            s.description(),
            s.fileName(),
            s.contentType(),
            authorizer.requireUser())
        .update();
    Media created = find(id, false).orElseThrow();
    owned.created(kind, id, own, created);
    return created;
  }

  @Transactional
  public Media update(UUID id, long expectedVersion, Save s) {
    Media before = owned.visible(kind, id, true);
    Ownership own =
        owned.forUpdate(kind, id, before, expectedVersion, s.ownerTenantId(), s.global(), false);
    jdbc.sql(
            "update media set owner_tenant_id = ?, created_by_msp_id = ?, name = ?, description = ?,"
                + " file_name = ?, content_type = ?, updated_at = now(), version = version + 1 where id = ?")
        .params(
            own.ownerTenantId(),
            own.createdByMspId(),
            s.name(),
            s.description(),
            s.fileName(),
            s.contentType(),
            id)
        .update();
    Media after = find(id, false).orElseThrow();
    owned.changed(kind, "updated", id, own.ownerTenantId(), before.ownerTenantId(), before, after);
    return after;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    Media m = owned.forDelete(kind, id, expectedVersion);
    jdbc.sql("update software set icon_media_id = null where icon_media_id = ?").param(id).update();
    jdbc.sql("delete from media where id = ?").param(id).update();
    owned.deleted(kind, id, m.ownerTenantId(), m);
  }

  /**
   * Streams the content in (replacing any previous content); 413 beyond the size limit, up front
   * when the declared length (-1: unknown) is already beyond it.
   */
  @Transactional
  public Media upload(UUID id, InputStream in, long declaredLength) {
    Media before = owned.forManage(kind, id);
    FileStore.Blob blob = files.store(in, declaredLength);
    jdbc.sql("update media set blob_id = ?, updated_at = now(), version = version + 1 where id = ?")
        .params(blob.id(), id)
        .update();
    Media after = find(id, false).orElseThrow();
    owned.changed(kind, "uploaded", id, before.ownerTenantId(), null, before, after);
    return after;
  }

  @Transactional(readOnly = true)
  public Download content(UUID id) {
    Media m = owned.visible(kind, id, false);
    FileStore.Blob blob =
        Optional.ofNullable(m.blobId())
            .flatMap(files::find)
            .orElseThrow(() -> ApiException.notFound("content of media", id));
    return new Download(blob, m.fileName().isEmpty() ? m.name() : m.fileName(), m.contentType());
  }

  private Optional<Media> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from media m left join file_blob b on b.id = m.blob_id where m.id = ?"
                + (lock ? " for update of m" : ""))
        .param(id)
        .query(MediaService::row)
        .optional();
  }

  private static Media row(ResultSet rs, int i) throws SQLException {
    byte[] sha = rs.getBytes("sha256");
    return new Media(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_tenant_id", UUID.class),
        rs.getObject("owner_tenant_id") == null,
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getObject("blob_id") != null,
        rs.getLong("size"),
        sha == null ? null : java.util.HexFormat.of().formatHex(sha),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"),
        rs.getObject("created_by_msp_id", UUID.class),
        rs.getObject("blob_id", UUID.class));
  }

  OwnedObjects.Kind<Media> kind() {
    return kind;
  }
}
