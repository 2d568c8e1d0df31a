package dev.tenantry.tenancy.web;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantMergeResult;
import dev.tenantry.tenancy.internal.TagCommands;
import dev.tenantry.tenancy.internal.TenantAccess;
import dev.tenantry.tenancy.internal.TenantMerger;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tagging tenants and merging one tenant into another. */
@RestController
@RequestMapping("/api/v1/tenants/{id}")
class TenantRelationsController {
  private final TenantAccess access;
  private final TagCommands tags;
  private final TenantMerger merger;

  TenantRelationsController(TenantAccess access, TagCommands tags, TenantMerger merger) {
    this.access = access;
    this.tags = tags;
    this.merger = merger;
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TAGS_ASSIGN},
      on = On.TENANT)
  @PutMapping("/tags/{tagId}")
  ResponseEntity<TagResult> tag(@PathVariable UUID id, @PathVariable UUID tagId) {
    access.requireTagging(id);
    return answer(id, tagId, tags.tag(id, tagId));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TAGS_ASSIGN},
      on = On.TENANT)
  @DeleteMapping("/tags/{tagId}")
  ResponseEntity<TagResult> untag(@PathVariable UUID id, @PathVariable UUID tagId) {
    access.requireTagging(id);
    return answer(id, tagId, tags.untag(id, tagId));
  }

  /** What (un)tagging a tenant newly granted (DESIGN §3.10); sent only when it is not empty. */
  record TagResult(UUID tenantId, UUID tagId, AccessChangeList accessChanges) {}

  /** 204 when the tag changed no one's access, else 200 with the accepted list. */
  private static ResponseEntity<TagResult> answer(UUID id, UUID tagId, AccessChangeList gained) {
    return gained.isEmpty()
        ? ResponseEntity.noContent().build()
        : ResponseEntity.ok(new TagResult(id, tagId, gained));
  }

  /** Body of a merge: the target, and whether to re-point assignments scoped to the source. */
  record MergeRequest(@Nullable UUID targetTenantId, @Nullable Boolean repointAssignments) {}

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_MERGE},
      on = On.TENANT,
      note = "on both the source and the target tenant")
  @PostMapping("/merge")
  TenantMergeResult merge(@PathVariable UUID id, @RequestBody MergeRequest body) {
    if (body.targetTenantId() == null) {
      throw ApiException.invalid("targetTenantId is required");
    }
    access.requireMerge(id, body.targetTenantId());
    return merger.merge(id, body.targetTenantId(), Boolean.TRUE.equals(body.repointAssignments()));
  }
}
