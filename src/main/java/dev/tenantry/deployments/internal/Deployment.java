package dev.tenantry.deployments.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deployment as the API shows it. {@code ownerTenantId} is the target's tenant (the MSP for a tag
 * or cross-tenant target limited to one, null for the whole instance); visibility follows it.
 */
public record Deployment(
    UUID id,
    String name,
    String notes,
    String subjectKind,
    UUID subjectId,
    @Nullable UUID versionId,
    String desiredState,
    TargetInput target,
    @Nullable UUID ownerTenantId,
    boolean enforced,
    int priority,
    Instant createdAt,
    Instant updatedAt,
    @Nullable UUID createdBy,
    long version) {

  public DeploymentTarget deploymentTarget() {
    return target.toTarget();
  }

  /** The same deployment as a draft (for diffs and re-validation). */
  public DeploymentDraft draft() {
    return new DeploymentDraft(
        name, notes, subjectKind, subjectId, versionId, desiredState, target, enforced, priority);
  }
}
