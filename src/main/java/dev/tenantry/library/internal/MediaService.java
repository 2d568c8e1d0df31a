package dev.tenantry.library.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
  private final LibraryAccess access;
  private final Authorizer authorizer;
  private final AuditLog audit;

  MediaService(
      JdbcClient jdbc,
      FileStore files,
      LibraryAccess access,
      Authorizer authorizer,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.files = files;
    this.access = access;
    this.authorizer = authorizer;
    this.audit = audit;
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
    ListSql sql = new ListSql("m", access.listFilter(KIND, "m")).common(q, ownerTenantId, owner);
    List<Media> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from media m left join file_blob b on b.id = m.blob_id where "
                    + sql.where()
                    + " order by "
                    + sql.orderBy(sort)
                    + " limit :limit offset :offset")
            .params(sql.params())
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(MediaService::row)
            .list();
    long total =
        jdbc.sql("select count(*) from media m where " + sql.where())
            .params(sql.params())
            .query(Long.class)
            .single();
    return new Page<>(items, page, size, total);
  }

  @Transactional(readOnly = true)
  public Media get(UUID id) {
    return visible(id, false);
  }

  @Transactional
  public Media create(Save s) {
    Ownership own = access.forCreate(KIND, s.ownerTenantId(), s.global(), false);
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
    audit.record(AuditEntry.created("media.created", TYPE, id, own.ownerTenantId(), created));
    return created;
  }

  @Transactional
  public Media update(UUID id, long expectedVersion, Save s) {
    Media before = visible(id, true);
    Ownership own =
        access.forChange(KIND, before.ownership(), s.ownerTenantId(), s.global(), false);
    if (before.version() != expectedVersion) {
      throw ApiException.stale(TYPE, id, expectedVersion, before.version());
    }
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
    audit.record(
        AuditEntry.changed(
            "media.updated",
            TYPE,
            id,
            own.ownerTenantId() != null ? own.ownerTenantId() : before.ownerTenantId(),
            before,
            after));
    return after;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    Media m = visible(id, true);
    access.requireDelete(KIND, m.ownership());
    if (expectedVersion != null && expectedVersion != m.version()) {
      throw ApiException.stale(TYPE, id, expectedVersion, m.version());
    }
    jdbc.sql("update software set icon_media_id = null where icon_media_id = ?").param(id).update();
    jdbc.sql("delete from media where id = ?").param(id).update();
    audit.record(AuditEntry.deleted("media.deleted", TYPE, id, m.ownerTenantId(), m));
  }

  /**
   * Streams the content in (replacing any previous content); 413 beyond the size limit, up front
   * when the declared length (-1: unknown) is already beyond it.
   */
  @Transactional
  public Media upload(UUID id, InputStream in, long declaredLength) {
    Media before = visible(id, true);
    access.requireManage(KIND, before.ownership());
    FileStore.Blob blob = files.store(in, declaredLength);
    jdbc.sql("update media set blob_id = ?, updated_at = now(), version = version + 1 where id = ?")
        .params(blob.id(), id)
        .update();
    Media after = find(id, false).orElseThrow();
    audit.record(
        AuditEntry.changed("media.uploaded", TYPE, id, before.ownerTenantId(), before, after));
    return after;
  }

  @Transactional(readOnly = true)
  public Download content(UUID id) {
    Media m = visible(id, false);
    FileStore.Blob blob =
        Optional.ofNullable(m.blobId())
            .flatMap(files::find)
            .orElseThrow(() -> ApiException.notFound("content of media", id));
    return new Download(blob, m.fileName().isEmpty() ? m.name() : m.fileName(), m.contentType());
  }

  private Media visible(UUID id, boolean lock) {
    Media m = find(id, lock).orElseThrow(() -> ApiException.notFound(TYPE, id));
    access.requireVisible(KIND, m.ownership(), id);
    return m;
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
}
