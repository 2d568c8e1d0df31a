package dev.tenantry.changes.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.changes.ChangeRequestState;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.db.Rows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Change requests and their comments. */
@Repository
class ChangeRequestRepository {
  private static final String COLUMNS =
      "r.id, r.kind, r.subject_id, r.tenant_id, r.msp_id, r.summary, r.before_json::text as"
          + " before_json, r.after_json::text as after_json, r.subject_version, r.state,"
          + " r.author_user_id, r.author_impersonator_user_id, r.decided_by,"
          + " r.decided_impersonator_user_id, r.decided_at, r.decision_reason, r.result_id,"
          + " r.created_at, r.updated_at, r.version";
  private final JdbcClient jdbc;

  ChangeRequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ChangeRequestRow r) {
    jdbc.sql(
            "insert into change_request (id, kind, subject_id, tenant_id, msp_id, summary,"
                + " before_json, after_json, subject_version, state, author_user_id,"
                + " author_impersonator_user_id) values (?, ?, ?, ?, ?, ?, cast(? as jsonb),"
                + " cast(? as jsonb), ?, ?, ?, ?)")
        .params(
            r.id(),
            r.kind(),
            r.subjectId(),
            r.tenantId(),
            r.mspId(),
            r.summary(),
            r.beforeJson(),
            r.afterJson(),
            r.subjectVersion(),
            r.state(),
            r.authorUserId(),
            r.authorImpersonatorUserId())
        .update();
  }

  Optional<ChangeRequestRow> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from change_request r where r.id = ?")
        .param(id)
        .query(Rows.of(ChangeRequestRow.class))
        .optional();
  }

  Optional<ChangeRequestRow> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from change_request r where r.id = ? for update")
        .param(id)
        .query(Rows.of(ChangeRequestRow.class))
        .optional();
  }

  /** A decision (or withdrawal): the new state, who decided, why, and what was created. */
  void decide(
      UUID id,
      ChangeRequestState state,
      @Nullable UUID by,
      @Nullable UUID byImpersonator,
      @Nullable String reason,
      @Nullable UUID resultId) {
    jdbc.sql(
            "update change_request set state = ?, decided_by = ?, decided_impersonator_user_id = ?,"
                + " decided_at = now(), decision_reason = ?, result_id = ?, updated_at = now(),"
                + " version = version + 1 where id = ?")
        .params(state.name(), by, byImpersonator, reason, resultId, id)
        .update();
  }

  /** The author's new proposal; the request waits again. */
  void revise(UUID id, String summary, String afterJson) {
    jdbc.sql(
            "update change_request set summary = ?, after_json = cast(? as jsonb), state ="
                + " 'WAITING_FOR_APPROVAL', updated_at = now(), version = version + 1 where id = ?")
        .params(summary, afterJson, id)
        .update();
  }

  Page<ChangeRequestRow> list(SqlPredicate where, int page, int size) {
    List<ChangeRequestRow> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from change_request r where "
                    + where.sql()
                    + " order by r.created_at desc, r.id limit :limit offset :offset")
            .params(where.params())
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(Rows.of(ChangeRequestRow.class))
            .list();
    long total =
        jdbc.sql("select count(*) from change_request r where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    return new Page<>(items, page, size, total);
  }

  long count(SqlPredicate where) {
    return jdbc.sql("select count(*) from change_request r where " + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  /** The MSPs of waiting cross-tenant requests (for the approver badge: few). */
  List<UUID> waitingCrossTenantMsps() {
    return jdbc.sql(
            "select distinct msp_id from change_request where state = 'WAITING_FOR_APPROVAL'"
                + " and tenant_id is null and msp_id is not null limit 1000")
        .query(UUID.class)
        .list();
  }

  void insertComment(CommentRow c) {
    jdbc.sql(
            "insert into change_request_comment (id, change_request_id, author_user_id,"
                + " impersonator_user_id, body) values (?, ?, ?, ?, ?)")
        .params(c.id(), c.changeRequestId(), c.authorUserId(), c.impersonatorUserId(), c.body())
        .update();
  }

  List<CommentRow> comments(UUID requestId) {
    return jdbc.sql(
            "select id, change_request_id, author_user_id, impersonator_user_id, body, created_at"
                + " from change_request_comment where change_request_id = ?"
                + " order by created_at, id limit 1000")
        .param(requestId)
        .query(Rows.of(CommentRow.class))
        .list();
  }

  /** Predicates combine with {@code and}, their parameters merged (names must differ). */
  static SqlPredicate and(SqlPredicate a, SqlPredicate b) {
    Map<String, Object> params = new HashMap<>(a.params());
    params.putAll(b.params());
    return new SqlPredicate("(" + a.sql() + ") and (" + b.sql() + ")", params);
  }
}
