package dev.tenantry.changes;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.web.ApiException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test-only applier of kind {@code test.tag-description}: sets a tag's description. An approver
 * needs {@code computers:manage} on the request's tenant (a stand-in for a feature's own rule); the
 * tag's version is the subject version; the applied change is audited naming author and approver.
 */
@Component
class TagDescriptionApplier implements ChangeApplier {
  static final String KIND = "test.tag-description";

  /** A description the applier writes and then refuses: what it wrote must roll back. */
  static final String FAIL_AFTER_WRITING = "fail-after-writing";

  private final JdbcClient jdbc;
  private final Authorizer authorizer;
  private final AuditLog audit;

  TagDescriptionApplier(JdbcClient jdbc, Authorizer authorizer, AuditLog audit) {
    this.jdbc = jdbc;
    this.authorizer = authorizer;
    this.audit = audit;
  }

  @Override
  public boolean handles(String kind) {
    return KIND.equals(kind);
  }

  @Override
  public void checkApprover(Actor approver, ProposedChange change) {
    authorizer.require(
        Permission.COMPUTERS_MANAGE, Target.tenant(Objects.requireNonNull(change.tenantId())));
  }

  @Override
  public @Nullable UUID apply(
      Actor author, Actor approver, UUID changeRequestId, ProposedChange change) {
    UUID tag = Objects.requireNonNull(change.subjectId());
    long version =
        jdbc.sql("select version from tag where id = ? for update")
            .param(tag)
            .query(Long.class)
            .single();
    if (!Objects.equals(change.subjectVersion(), version)) {
      throw ApiException.conflict("tag " + tag + " is at version " + version);
    }
    String description = change.after().path("description").asString();
    jdbc.sql("update tag set description = ?, version = version + 1 where id = ?")
        .params(description, tag)
        .update();
    if (FAIL_AFTER_WRITING.equals(description)) {
      throw ApiException.invalid("the applier failed after writing (test)");
    }
    audit.record(
        AuditEntry.changed(
            "test.tag-description-changed",
            "tag",
            tag,
            change.tenantId(),
            Map.of("description", change.before().path("description").asString()),
            Map.of(
                "description",
                description,
                "authorUserId",
                String.valueOf(author.userId()),
                "approverUserId",
                String.valueOf(approver.userId()),
                "changeRequestId",
                changeRequestId.toString())));
    return tag;
  }
}
