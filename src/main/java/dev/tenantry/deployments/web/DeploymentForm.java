package dev.tenantry.deployments.web;

import dev.tenantry.deployments.internal.DeploymentDraft;
import dev.tenantry.deployments.internal.TargetInput;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console editor's form fields; {@code subject} is {@code SOFTWARE:id} or {@code TASK:id} (the
 * deployables picker's value). Blank pickers are absent, not errors, so the preview can run on a
 * half-filled form.
 */
record DeploymentForm(
    @Nullable String name,
    @Nullable String notes,
    @Nullable String subject,
    @Nullable String versionId,
    @Nullable String desiredState,
    @Nullable String targetKind,
    @Nullable String computerId,
    @Nullable String personId,
    @Nullable String tenantId,
    @Nullable Boolean includeChildren,
    @Nullable String tagId,
    @Nullable String mspId,
    @Nullable Boolean enforced,
    @Nullable Integer priority,
    @Nullable Long version) {

  TargetInput target() {
    return new TargetInput(
        targetKind == null ? "" : targetKind,
        only("COMPUTER", computerId),
        only("PERSON", personId),
        only("TENANT", tenantId),
        "TENANT".equals(targetKind) && Boolean.TRUE.equals(includeChildren) ? true : null,
        only("TENANT_TAG", tagId),
        "TENANT_TAG".equals(targetKind) || "CROSS_TENANT".equals(targetKind) ? id(mspId) : null);
  }

  DeploymentDraft draft() {
    if (subject == null || !subject.contains(":")) {
      throw ApiException.invalid("Choose the software or task to deploy");
    }
    String[] kindAndId = subject.split(":", 2);
    return new DeploymentDraft(
        name == null ? "" : name,
        notes == null ? "" : notes,
        kindAndId[0],
        uuid(kindAndId[1]),
        id(versionId),
        desiredState == null ? "" : desiredState,
        target(),
        Boolean.TRUE.equals(enforced),
        priority == null ? 0 : priority);
  }

  private @Nullable UUID only(String kind, @Nullable String value) {
    return kind.equals(targetKind) ? id(value) : null;
  }

  private static @Nullable UUID id(@Nullable String value) {
    return value == null || value.isBlank() ? null : uuid(value);
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Not an id: " + value);
    }
  }
}
