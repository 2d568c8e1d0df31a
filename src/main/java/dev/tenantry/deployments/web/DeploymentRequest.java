package dev.tenantry.deployments.web;

import dev.tenantry.deployments.internal.DeploymentDraft;
import dev.tenantry.deployments.internal.TargetInput;
import dev.tenantry.shared.web.ApiException;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A deployment as the API takes it (create, edit, preview). */
record DeploymentRequest(
    @Nullable @Size(max = 200) String name,
    @Nullable @Size(max = 4000) String notes,
    @Nullable String subjectKind,
    @Nullable UUID subjectId,
    @Nullable UUID versionId,
    @Nullable String desiredState,
    @Nullable TargetInput target,
    @Nullable Boolean enforced,
    @Nullable Integer priority,
    @Nullable Long version) {

  DeploymentDraft draft() {
    if (subjectId == null) {
      throw ApiException.invalid("subjectId is required");
    }
    if (target == null) {
      throw ApiException.invalid("target is required");
    }
    return new DeploymentDraft(
        name == null ? "" : name,
        notes == null ? "" : notes,
        subjectKind == null ? "" : subjectKind,
        subjectId,
        versionId,
        desiredState == null ? "" : desiredState,
        target,
        Boolean.TRUE.equals(enforced),
        priority == null ? 0 : priority);
  }
}
