package dev.tenantry.library;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other features (deployments, maintenance) may ask about software and maintenance tasks they
 * reference, without reading the library's tables: whether the current caller may view one, who
 * owns it, and whether a pinned version belongs to it. Deleted objects are absent.
 */
public interface LibraryRefs {

  /** The library objects a deployment can name. */
  enum Kind {
    SOFTWARE,
    TASK
  }

  /**
   * A software or task: its owner ({@code null} = global, created by {@code createdByMspId}), and
   * whether an owned task is readable by every tenant.
   */
  record Subject(
      Kind kind,
      UUID id,
      String name,
      @Nullable UUID ownerTenantId,
      @Nullable UUID createdByMspId,
      boolean visibleToAllTenants) {

    /** Global, or owned but readable by every tenant. */
    public boolean shared() {
      return ownerTenantId == null || visibleToAllTenants;
    }
  }

  /** The object if it exists and the current caller may view it (DESIGN §7); empty otherwise. */
  Optional<Subject> visible(Kind kind, UUID id);

  /** The object if it exists, whoever asks (for names in lists the caller already may see). */
  Optional<Subject> find(Kind kind, UUID id);

  /**
   * The label of a version of the object ({@code 1.2.3} for software, {@code v4} for a task), if
   * {@code versionId} is a version of that object.
   */
  Optional<String> versionLabel(Kind kind, UUID id, UUID versionId);

  /** The newest version of the object (software: by version order; task: the latest saved). */
  Optional<UUID> latestVersion(Kind kind, UUID id);

  /** The versions of the object, newest first: id → label (for pickers). */
  Map<UUID, String> versions(Kind kind, UUID id);

  /** Objects of this kind the current caller may view whose name contains {@code q}, by name. */
  Map<UUID, String> searchVisible(Kind kind, String q, int limit);
}
