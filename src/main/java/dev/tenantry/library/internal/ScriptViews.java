package dev.tenantry.library.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API shows of scripts. Secret parameter values never appear here. */
public final class ScriptViews {
  private ScriptViews() {}

  public record Summary(
      UUID id,
      String name,
      String category,
      String language,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAllTenants,
      int latestVersion,
      Instant updatedAt,
      long version) {}

  public record Detail(
      UUID id,
      String name,
      String description,
      String category,
      String language,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAllTenants,
      int latestVersion,
      UUID latestVersionId,
      String body,
      List<ScriptParameter> parameters,
      boolean canManage,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  public record Version(
      UUID id,
      UUID scriptId,
      int number,
      String language,
      String body,
      List<ScriptParameter> parameters,
      String note,
      Instant createdAt,
      @Nullable UUID createdBy) {}

  public record VersionSummary(
      UUID id, int number, String note, Instant createdAt, @Nullable UUID createdBy) {}

  /** A unified diff between two versions, and its lines one by one. */
  public record Diff(int from, int to, String unified, List<DiffLine> lines) {}

  /** One line of a diff: {@code kind} is {@code ' '}, {@code '+'} or {@code '-'}. */
  public record DiffLine(char kind, String text) {}
}
