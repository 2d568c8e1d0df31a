package dev.tenantry.changes.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.changes.ChangeRequestQueries;
import dev.tenantry.changes.ChangeRequestState;
import dev.tenantry.changes.ChangeRequests;
import dev.tenantry.changes.OpenChangeRequest;
import dev.tenantry.changes.ProposedChange;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files change requests, lists and shows them (with their diff), and keeps their comments. The
 * decisions (approve, deny, require changes, edit, withdraw) are in {@link ChangeRequestDecisions}.
 */
@Service
public class ChangeRequestService implements ChangeRequests, ChangeRequestQueries {
  static final String TYPE = "change-request";
  private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$");
  private final ChangeRequestRepository repository;
  private final ChangeRequestAccess access;
  private final AuditLog audit;
  private final UserNames userNames;
  private final Tenants tenants;
  private final JsonMapper json;

  ChangeRequestService(
      ChangeRequestRepository repository,
      ChangeRequestAccess access,
      AuditLog audit,
      UserNames userNames,
      Tenants tenants,
      JsonMapper json) {
    this.repository = repository;
    this.access = access;
    this.audit = audit;
    this.userNames = userNames;
    this.tenants = tenants;
    this.json = json;
  }

  @Override
  @Transactional
  public UUID submit(Actor author, ProposedChange change) {
    if (author.userId() == null) {
      throw ApiException.forbidden("You have no Tenantry user; request access first");
    }
    if (!KIND.matcher(change.kind()).matches()) {
      throw new IllegalArgumentException("change kind " + change.kind());
    }
    String summary = summary(change.summary());
    UUID id = UUID.randomUUID();
    repository.insert(
        new ChangeRequestRow(
            id,
            change.kind(),
            change.subjectId(),
            change.tenantId(),
            mspOf(change),
            summary,
            json.writeValueAsString(change.before()),
            json.writeValueAsString(change.after()),
            change.subjectVersion(),
            ChangeRequestState.WAITING_FOR_APPROVAL.name(),
            author.userId(),
            author.impersonatorUserId(),
            null,
            null,
            null,
            null,
            null,
            java.time.Instant.now(),
            java.time.Instant.now(),
            0));
    ChangeRequestRow saved = repository.find(id).orElseThrow();
    audit.recordAs(
        author,
        AuditEntry.created(
            "change-request.submitted", TYPE, id, saved.tenantId(), auditView(saved)));
    return id;
  }

  @Transactional(readOnly = true)
  public Page<ChangeRequestViews.Summary> list(ChangeRequestViews.Query q) {
    SqlPredicate where = access.visible();
    if (q.state() != null) {
      where =
          ChangeRequestRepository.and(
              where, new SqlPredicate("r.state = :crState", Map.of("crState", q.state().name())));
    }
    if (q.kind() != null && !q.kind().isBlank()) {
      where =
          ChangeRequestRepository.and(
              where, new SqlPredicate("r.kind = :crKind", Map.of("crKind", q.kind().strip())));
    }
    if (q.mine()) {
      where =
          ChangeRequestRepository.and(
              where,
              new SqlPredicate(
                  "r.author_user_id = :crAuthor",
                  Map.of("crAuthor", access.authorizer().requireUser())));
    }
    Page<ChangeRequestRow> rows = repository.list(where, q.page(), q.size());
    Map<UUID, String> names =
        names(rows.items().stream().map(ChangeRequestRow::authorUserId).toList());
    return rows.map(r -> summary(r, names));
  }

  @Transactional(readOnly = true)
  public ChangeRequestViews.Detail get(UUID id) {
    return detail(access.requireVisible(repository.find(id), id));
  }

  @Override
  @Transactional(readOnly = true)
  public List<OpenChangeRequest> openFor(UUID subjectId) {
    SqlPredicate where =
        ChangeRequestRepository.and(
            access.visible(),
            new SqlPredicate(
                "r.subject_id = :crSubject and r.state in ('WAITING_FOR_APPROVAL', 'NEEDS_ATTENTION')",
                Map.of("crSubject", subjectId)));
    List<ChangeRequestRow> rows = repository.list(where, 0, 100).items();
    Map<UUID, String> names = names(rows.stream().map(ChangeRequestRow::authorUserId).toList());
    return rows.stream()
        .map(
            r ->
                new OpenChangeRequest(
                    r.id(),
                    r.kind(),
                    r.summary(),
                    r.stateValue(),
                    r.authorUserId(),
                    names.getOrDefault(r.authorUserId(), "(unknown user)"),
                    r.createdAt()))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public long waitingForMyApproval() {
    access.authorizer().requireUser();
    SqlPredicate decidable = access.decidable(repository.waitingCrossTenantMsps());
    return decidable == SqlPredicate.FALSE ? 0 : repository.count(decidable);
  }

  @Transactional
  public ChangeRequestViews.Comment comment(UUID id, String body) {
    ChangeRequestRow r = access.requireVisible(repository.lock(id), id);
    if (!access.isAuthor(r) && !access.canDecide(r)) {
      throw ApiException.forbidden(
          "Only the author and those who may approve a change request comment on it");
    }
    String text = body.strip();
    if (text.isEmpty() || text.length() > 4000) {
      throw ApiException.invalid("body: 1 to 4000 characters");
    }
    Actor me = Actors.current();
    CommentRow c =
        new CommentRow(
            UUID.randomUUID(),
            id,
            me.userId(),
            me.impersonatorUserId(),
            text,
            java.time.Instant.now());
    repository.insertComment(c);
    audit.record(
        AuditEntry.created(
            "change-request.commented",
            TYPE,
            id,
            r.tenantId(),
            Map.of("commentId", c.id().toString(), "body", text)));
    return comment(c, names(List.of(c.authorUserId())));
  }

  @Transactional(readOnly = true)
  public List<ChangeRequestViews.Comment> comments(UUID id) {
    access.requireVisible(repository.find(id), id);
    List<CommentRow> rows = repository.comments(id);
    Map<UUID, String> names = names(rows.stream().map(CommentRow::authorUserId).toList());
    return rows.stream().map(c -> comment(c, names)).toList();
  }

  ChangeRequestViews.Detail detail(ChangeRequestRow r) {
    JsonNode before = json.readTree(r.beforeJson());
    JsonNode after = json.readTree(r.afterJson());
    Set<UUID> ids = new HashSet<>();
    ids.add(r.authorUserId());
    if (r.decidedBy() != null) {
      ids.add(r.decidedBy());
    }
    Map<UUID, String> names = names(ids);
    boolean open = r.stateValue().open();
    boolean decider = open && access.canDecide(r);
    boolean author = open && access.isAuthor(r);
    return new ChangeRequestViews.Detail(
        r.id(),
        r.kind(),
        r.subjectId(),
        r.tenantId(),
        r.mspId(),
        r.summary(),
        r.stateValue(),
        r.authorUserId(),
        names.getOrDefault(r.authorUserId(), "(unknown user)"),
        r.authorImpersonatorUserId(),
        r.decidedBy(),
        r.decidedBy() == null ? null : names.getOrDefault(r.decidedBy(), "(unknown user)"),
        r.decidedAt(),
        r.decisionReason(),
        r.resultId(),
        r.subjectVersion(),
        before,
        after,
        JsonDiff.of(before, after),
        new ChangeRequestViews.Actions(
            decider && r.stateValue() == ChangeRequestState.WAITING_FOR_APPROVAL,
            decider,
            decider && r.stateValue() == ChangeRequestState.WAITING_FOR_APPROVAL,
            author,
            author,
            access.isAuthor(r) || access.canDecide(r)),
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }

  /** What the audit trail keeps of a request: never the whole proposal (a script body is long). */
  Map<String, Object> auditView(ChangeRequestRow r) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("kind", r.kind());
    m.put("subjectId", r.subjectId() == null ? "new" : r.subjectId().toString());
    m.put("summary", r.summary());
    m.put("state", r.state());
    m.put("authorUserId", r.authorUserId().toString());
    m.put("proposalSha256", sha256(r.afterJson()));
    return m;
  }

  static String summary(@Nullable String summary) {
    String s = summary == null ? "" : summary.strip();
    if (s.isEmpty()) {
      throw ApiException.invalid("summary: say what the change does");
    }
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  /** Cross-tenant requests name their MSP as {@code mspId} in the proposal (none: OWNER only). */
  private @Nullable UUID mspOf(ProposedChange c) {
    if (c.tenantId() != null) {
      return tenants.find(c.tenantId()).map(TenantView::mspId).orElse(null);
    }
    for (JsonNode side : List.of(c.after(), c.before())) {
      JsonNode m = side.path("mspId");
      if (m.isString()) {
        try {
          return UUID.fromString(m.asString());
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid("mspId: not a UUID");
        }
      }
    }
    return null;
  }

  Map<UUID, String> names(java.util.Collection<UUID> ids) {
    return ids.isEmpty() ? Map.of() : userNames.names(Set.copyOf(ids));
  }

  private static ChangeRequestViews.Summary summary(ChangeRequestRow r, Map<UUID, String> names) {
    return new ChangeRequestViews.Summary(
        r.id(),
        r.kind(),
        r.subjectId(),
        r.tenantId(),
        r.summary(),
        r.stateValue(),
        r.authorUserId(),
        names.getOrDefault(r.authorUserId(), "(unknown user)"),
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }

  private static ChangeRequestViews.Comment comment(CommentRow c, Map<UUID, String> names) {
    return new ChangeRequestViews.Comment(
        c.id(),
        c.authorUserId(),
        names.getOrDefault(c.authorUserId(), "(unknown user)"),
        c.impersonatorUserId(),
        c.body(),
        c.createdAt());
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
