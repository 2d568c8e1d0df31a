package dev.tenantry.changes;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change that a feature proposes instead of applying it: {@code kind} names the {@link
 * ChangeApplier} that applies it (e.g. {@code deployment.create}, {@code deployment.update}, {@code
 * deployment.delete}, {@code script.edit}); {@code subjectId} is the object changed (null for a
 * create); {@code tenantId} is the tenant that approvers are looked for on (null = cross-tenant or
 * global: approvers at OWNER or the MSP); {@code before}/{@code after} are what the diff shows and
 * {@code after} is what the applier applies; {@code subjectVersion} is the object's version when
 * the change was proposed (a different version at approval time → the request needs attention).
 */
public record ProposedChange(
    String kind,
    @Nullable UUID subjectId,
    @Nullable UUID tenantId,
    String summary,
    JsonNode before,
    JsonNode after,
    @Nullable Long subjectVersion) {}
