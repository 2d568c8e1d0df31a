package dev.tenantry.tenancy.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TagView;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes tags, and tags/untags tenants; one audit event per change. */
@Service
@Transactional
public class TagCommands {
  private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  public static final String DEFAULT_COLOR = "#6b7280";
  private final TagRepository tags;
  private final TenantRepository tenants;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  TagCommands(
      TagRepository tags, TenantRepository tenants, AuditLog audit, AccessChanges accessChanges) {
    this.tags = tags;
    this.tenants = tenants;
    this.audit = audit;
    this.accessChanges = accessChanges;
  }

  public TagView create(String name, @Nullable String color, @Nullable String description) {
    TagView tag =
        new TagView(
            UUID.randomUUID(),
            name,
            color == null ? DEFAULT_COLOR : color,
            description == null ? "" : description,
            0);
    validate(tag);
    insertOrUpdate(tag, true);
    TagView created = find(tag.id());
    audit.record(AuditEntry.created("tag.created", "tag", tag.id(), null, created));
    return created;
  }

  public TagView update(
      UUID id, String name, @Nullable String color, @Nullable String description, long version) {
    TagView before = find(id);
    if (before.version() != version) {
      throw ApiException.stale("Tag", id, version, before.version());
    }
    TagView next =
        new TagView(
            id,
            name,
            color == null ? before.color() : color,
            description == null ? before.description() : description,
            version);
    validate(next);
    if (next.equals(before)) {
      return before;
    }
    insertOrUpdate(next, false);
    TagView after = find(id);
    audit.record(AuditEntry.changed("tag.updated", "tag", id, null, before, after));
    return after;
  }

  /**
   * Refused while role assignments are scoped to the tag (tenant tag scopes and computer tag
   * selectors): the cascade would remove them without rule 6g. Counted under the access-write lock,
   * so an assignment created concurrently is either counted or waits for the deletion.
   */
  public void delete(UUID id) {
    accessChanges.lock();
    TagView before = find(id);
    long assignments = tags.assignmentsUsing(id);
    if (assignments > 0) {
      throw new ApiException(
          dev.tenantry.shared.web.ErrorCode.NOT_EMPTY,
          "Tag '"
              + before.name()
              + "' scopes "
              + assignments
              + " role assignment(s); remove them first",
          Map.of("remaining", Map.of("roleAssignments", assignments)));
    }
    tags.delete(id);
    audit.record(AuditEntry.deleted("tag.deleted", "tag", id, null, before));
  }

  /**
   * Idempotent; audited only when the tenant did not carry the tag yet. Returns the access the tag
   * newly gives (tag scopes, DESIGN §3.10), which the caller must have confirmed.
   */
  public AccessChangeList tag(UUID tenantId, UUID tagId) {
    accessChanges.lock();
    TagView tag = checkBoth(tenantId, tagId);
    if (!tags.tag(tenantId, tagId)) {
      return AccessChangeList.NONE;
    }
    AccessChangeList gained = accessChanges.review();
    audit.record(
        AuditEntry.event(
            "tenant.tagged", "tenant", tenantId, tenantId, AccessChanges.audited(tag, gained)));
    return gained;
  }

  /** Idempotent; audited only when the tenant carried the tag (removing it can lift a DENY). */
  public AccessChangeList untag(UUID tenantId, UUID tagId) {
    accessChanges.lock();
    TagView tag = checkBoth(tenantId, tagId);
    if (!tags.untag(tenantId, tagId)) {
      return AccessChangeList.NONE;
    }
    AccessChangeList gained = accessChanges.review();
    audit.record(
        AuditEntry.event(
            "tenant.untagged", "tenant", tenantId, tenantId, AccessChanges.audited(tag, gained)));
    return gained;
  }

  private TagView checkBoth(UUID tenantId, UUID tagId) {
    if (!tenants.exists(tenantId)) {
      throw ApiException.notFound("Tenant", tenantId);
    }
    return find(tagId);
  }

  public TagView find(UUID id) {
    return tags.find(id).orElseThrow(() -> ApiException.notFound("Tag", id));
  }

  private void validate(TagView t) {
    if (t.name() == null || t.name().isBlank() || t.name().length() > 100) {
      throw ApiException.invalid("name must be 1 to 100 characters and not blank");
    }
    if (!COLOR.matcher(t.color()).matches()) {
      throw ApiException.invalid("color must look like #rrggbb, not '" + t.color() + "'");
    }
    if (t.description().length() > 1000) {
      throw ApiException.invalid("description must be at most 1000 characters");
    }
    if (tags.nameTaken(t.name(), t.id())) {
      throw ApiException.duplicate("A tag named '" + t.name() + "' already exists");
    }
  }

  private void insertOrUpdate(TagView t, boolean insert) {
    try {
      if (insert) {
        tags.insert(t);
      } else if (!tags.update(t)) {
        throw ApiException.stale("Tag", t.id(), t.version(), find(t.id()).version());
      }
    } catch (DuplicateKeyException e) {
      throw ApiException.duplicate("A tag named '" + t.name() + "' already exists");
    }
  }
}
