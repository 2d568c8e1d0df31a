package dev.tenantry.library.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Software and its versions as the API shows them. */
public final class SoftwareViews {
  private SoftwareViews() {}

  public record Software(
      UUID id,
      @Nullable UUID ownerTenantId,
      boolean global,
      String name,
      String vendor,
      String description,
      String detectionRule,
      @Nullable UUID installScriptId,
      @Nullable UUID uninstallScriptId,
      @Nullable UUID testScriptId,
      @Nullable UUID iconMediaId,
      @Nullable String latestVersion,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  public record Version(
      UUID id,
      UUID softwareId,
      String version,
      String downloadUrl,
      String releaseNotes,
      boolean hasInstaller,
      String installerFileName,
      long installerSize,
      @Nullable String installerSha256,
      @Nullable UUID installScriptVersionId,
      @Nullable UUID uninstallScriptVersionId,
      @Nullable UUID testScriptVersionId,
      Instant createdAt) {}

  public record Save(
      String name,
      String vendor,
      String description,
      String detectionRule,
      @Nullable UUID installScriptId,
      @Nullable UUID uninstallScriptId,
      @Nullable UUID testScriptId,
      @Nullable UUID iconMediaId,
      @Nullable UUID ownerTenantId,
      boolean global) {}

  /** The outcome of "adopt the latest scripts": a new version, or the unchanged one. */
  public record Adopted(Version version, boolean created) {}

  public record AddVersion(String version, String downloadUrl, String releaseNotes) {}
}
