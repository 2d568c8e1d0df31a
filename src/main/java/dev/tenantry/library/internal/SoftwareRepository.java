package dev.tenantry.library.internal;

import dev.tenantry.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Software and software versions. */
@Repository
class SoftwareRepository {
  private static final String COLUMNS =
      "s.id, s.owner_tenant_id, s.created_by_msp_id, s.name, s.vendor, s.description,"
          + " s.detection_rule, s.install_script_id, s.uninstall_script_id, s.test_script_id,"
          + " s.icon_media_id, s.created_at, s.updated_at, s.version,"
          + " (select v.version from software_version v where v.software_id = s.id"
          + " order by v.sort_key desc limit 1) as latest_version";
  private final JdbcClient jdbc;

  SoftwareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(SoftwareViews.Software view, @Nullable UUID createdByMspId) {
    Ownership ownership() {
      return new Ownership(view.ownerTenantId(), createdByMspId, false);
    }
  }

  Optional<Row> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from software s where s.id = ? and s.deleted_at is null"
                + (lock ? " for update of s" : ""))
        .param(id)
        .query(SoftwareRepository::row)
        .optional();
  }

  Page<Row> list(ListSql sql, String sort, int page, int size) {
    return sql.and("s.deleted_at is null")
        .page(
            jdbc,
            "select " + COLUMNS + " from software s",
            "from software s",
            sort,
            page,
            size,
            SoftwareRepository::row);
  }

  /** A media object for an icon, owned as the software is. */
  UUID insertIconMedia(
      Row software, String name, String fileName, String contentType, UUID blobId, UUID by) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into media (id, owner_tenant_id, created_by_msp_id, name, description, file_name,"
                + " content_type, blob_id, created_by) values (?, ?, ?, ?, '', ?, ?, ?, ?)")
        .params(
            id,
            software.view().ownerTenantId(),
            software.createdByMspId(),
            name,
            fileName,
            contentType,
            blobId,
            by)
        .update();
    return id;
  }

  void setIcon(UUID softwareId, UUID mediaId) {
    jdbc.sql(
            "update software set icon_media_id = ?, updated_at = now(), version = version + 1"
                + " where id = ?")
        .params(mediaId, softwareId)
        .update();
  }

  Optional<UUID> mediaBlob(UUID mediaId) {
    return jdbc.sql("select blob_id from media where id = ? and blob_id is not null")
        .param(mediaId)
        .query(UUID.class)
        .optional();
  }

  void upsert(UUID id, Ownership o, SoftwareViews.Save s, @Nullable UUID by, boolean insert) {
    String sql =
        insert
            ? "insert into software (owner_tenant_id, created_by_msp_id, name, vendor, description,"
                + " detection_rule, install_script_id, uninstall_script_id, test_script_id, icon_media_id,"
                + " created_by, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            : "update software set owner_tenant_id = ?, created_by_msp_id = ?, name = ?, vendor = ?,"
                + " description = ?, detection_rule = ?, install_script_id = ?, uninstall_script_id = ?,"
                + " test_script_id = ?, icon_media_id = ?, updated_at = now(), version = version + 1,"
                + " created_by = coalesce(created_by, ?) where id = ?";
    jdbc.sql(sql)
        .params(
            o.ownerTenantId(),
            o.createdByMspId(),
            s.name(),
            s.vendor(),
            s.description(),
            s.detectionRule(),
            s.installScriptId(),
            s.uninstallScriptId(),
            s.testScriptId(),
            s.iconMediaId(),
            by,
            id)
        .update();
  }

  void softDelete(UUID id) {
    jdbc.sql("update software set deleted_at = now(), version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  private static final String VERSION_COLUMNS =
      "v.id, v.software_id, v.version, v.download_url, v.release_notes, v.installer_blob_id,"
          + " v.installer_file_name, b.size, b.sha256, v.install_script_version_id,"
          + " v.uninstall_script_version_id, v.test_script_version_id, v.created_at";

  List<SoftwareViews.Version> versions(UUID softwareId) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from software_version v left join file_blob b on b.id = v.installer_blob_id"
                + " where v.software_id = ? order by v.sort_key desc")
        .param(softwareId)
        .query(SoftwareRepository::version)
        .list();
  }

  Optional<SoftwareViews.Version> version(UUID softwareId, UUID versionId) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from software_version v left join file_blob b on b.id = v.installer_blob_id"
                + " where v.software_id = ? and v.id = ?")
        .params(softwareId, versionId)
        .query(SoftwareRepository::version)
        .optional();
  }

  Optional<UUID> installerBlob(UUID versionId) {
    return jdbc.sql("select installer_blob_id from software_version where id = ?")
        .param(versionId)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .optional()
        .filter(java.util.Objects::nonNull);
  }

  boolean versionExists(UUID softwareId, String version) {
    return jdbc.sql(
            "select exists(select 1 from software_version where software_id = ? and version = ?)")
        .params(softwareId, version)
        .query(Boolean.class)
        .single();
  }

  void insertVersion(
      UUID id,
      UUID softwareId,
      SoftwareViews.AddVersion v,
      String sortKey,
      @Nullable UUID install,
      @Nullable UUID uninstall,
      @Nullable UUID test,
      @Nullable UUID by) {
    jdbc.sql(
            "insert into software_version (id, software_id, version, sort_key, download_url, release_notes,"
                + " install_script_version_id, uninstall_script_version_id, test_script_version_id, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            softwareId,
            v.version(),
            sortKey,
            v.downloadUrl(),
            v.releaseNotes(),
            install,
            uninstall,
            test,
            by)
        .update();
  }

  void setInstaller(UUID versionId, UUID blobId, String fileName) {
    jdbc.sql(
            "update software_version set installer_blob_id = ?, installer_file_name = ? where id = ?")
        .params(blobId, fileName, versionId)
        .update();
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(
        new SoftwareViews.Software(
            rs.getObject("id", UUID.class),
            rs.getObject("owner_tenant_id", UUID.class),
            rs.getObject("owner_tenant_id") == null,
            rs.getString("name"),
            rs.getString("vendor"),
            rs.getString("description"),
            rs.getString("detection_rule"),
            rs.getObject("install_script_id", UUID.class),
            rs.getObject("uninstall_script_id", UUID.class),
            rs.getObject("test_script_id", UUID.class),
            rs.getObject("icon_media_id", UUID.class),
            rs.getString("latest_version"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getLong("version")),
        rs.getObject("created_by_msp_id", UUID.class));
  }

  private static SoftwareViews.Version version(ResultSet rs, int i) throws SQLException {
    byte[] sha = rs.getBytes("sha256");
    return new SoftwareViews.Version(
        rs.getObject("id", UUID.class),
        rs.getObject("software_id", UUID.class),
        rs.getString("version"),
        rs.getString("download_url"),
        rs.getString("release_notes"),
        rs.getObject("installer_blob_id") != null,
        rs.getString("installer_file_name"),
        rs.getLong("size"),
        sha == null ? null : java.util.HexFormat.of().formatHex(sha),
        rs.getObject("install_script_version_id", UUID.class),
        rs.getObject("uninstall_script_version_id", UUID.class),
        rs.getObject("test_script_version_id", UUID.class),
        rs.getTimestamp("created_at").toInstant());
  }
}
