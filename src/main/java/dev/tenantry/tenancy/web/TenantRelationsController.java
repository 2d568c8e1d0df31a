package dev.tenantry.tenancy.web;

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
  ResponseEntity<Void> tag(@PathVariable UUID id, @PathVariable UUID tagId) {
    access.requireTagging(id);
    tags.tag(id, tagId);
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TAGS_ASSIGN},
      on = On.TENANT)
  @DeleteMapping("/tags/{tagId}")
  ResponseEntity<Void> untag(@PathVariable UUID id, @PathVariable UUID tagId) {
    access.requireTagging(id);
    tags.untag(id, tagId);
    return ResponseEntity.noContent().build();
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
