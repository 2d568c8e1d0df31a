package dev.tenantry.tenancy;

import dev.tenantry.authz.AccessChangeList;
import java.util.List;
import java.util.UUID;

/**
 * What a merge did. Assignments scoped to the source are either removed or (on request) re-pointed
 * to the target — each listed by id. The source's own tags and preferences are not carried over:
 * they are dropped with the source and listed here, so that nothing about the target's
 * configuration or tag-based access changes silently. {@code accessChanges} lists what the merge
 * newly grants (people moving in widen USERS_TENANT grants; DESIGN §3.10).
 */
public record TenantMergeResult(
    UUID sourceTenantId,
    UUID targetTenantId,
    int movedComputers,
    int movedPeople,
    int movedUsers,
    int movedRoles,
    int movedGroups,
    List<UUID> movedChildTenantIds,
    List<UUID> removedAssignmentIds,
    List<UUID> repointedAssignmentIds,
    List<UUID> droppedTagIds,
    List<String> droppedPreferenceKeys,
    AccessChangeList accessChanges) {}
