package dev.tenantry.deployments;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One deployment that wins on a computer: what it deploys ({@code subjectKind} {@code SOFTWARE} or
 * {@code TASK}, the object id and the pinned version id when it names one), the desired state
 * ({@code INSTALL}, {@code KEEP_LATEST}, {@code UNINSTALL}, {@code IGNORE}, {@code RUN}) and why it
 * won ({@code targetKind}, {@code enforced}, {@code priority}).
 */
public record AppliedDeployment(
    UUID deploymentId,
    String subjectKind,
    UUID subjectId,
    @Nullable UUID versionId,
    String desiredState,
    String targetKind,
    boolean enforced,
    int priority) {}
