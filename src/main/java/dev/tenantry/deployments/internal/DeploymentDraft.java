package dev.tenantry.deployments.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a deployment should be, as created or edited (and as a change request carries it): the
 * subject ({@code SOFTWARE} or {@code TASK}, its id and pinned version), the desired state, the
 * target, whether it is enforced and its priority (higher wins among equals).
 */
public record DeploymentDraft(
    String name,
    String notes,
    String subjectKind,
    UUID subjectId,
    @Nullable UUID versionId,
    String desiredState,
    TargetInput target,
    boolean enforced,
    int priority) {}
