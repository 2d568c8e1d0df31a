package dev.tenantry.audit.internal;

import dev.tenantry.audit.AuditEvent;
import dev.tenantry.audit.AuditQuery;
import dev.tenantry.audit.ChainVerification;
import dev.tenantry.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {
  private static final String ZERO_HASH = "0".repeat(64);
  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Head(long lastSeq, String lastHash) {}

  /** Locks the chain head for this transaction: writers append one at a time, in commit order. */
  public Head lockHead() {
    dev.tenantry.shared.db.LockOrder.auditHeadLocked();
    return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  public void moveHead(long seq, String hash) {
    jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")
        .params(seq, hash)
        .update();
  }

  public void insert(AuditEvent e) {
    jdbc.sql(
            """
            insert into audit_event (seq, id, at, actor_user_id, actor_label, impersonator_user_id,
                action, target_type, target_id, tenant_id, before_json, after_json, request_id,
                client_ip, prev_hash, hash)
            values (:seq, :id, :at, :actor, :label, :imp, :action, :ttype, :tid, :tenant, :before,
                :after, :rid, :ip, :prev, :hash)
            """)
        .param("seq", e.seq())
        .param("id", e.id())
        .param("at", Timestamp.from(e.at()))
        .param("actor", e.actorUserId())
        .param("label", e.actorLabel())
        .param("imp", e.impersonatorUserId())
        .param("action", e.action())
        .param("ttype", e.targetType())
        .param("tid", e.targetId())
        .param("tenant", e.tenantId())
        .param("before", e.beforeJson())
        .param("after", e.afterJson())
        .param("rid", e.requestId())
        .param("ip", e.clientIp())
        .param("prev", e.prevHash())
        .param("hash", e.hash())
        .update();
  }

  public Page<AuditEvent> find(AuditQuery q) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.actorUserId() != null) {
      where.append(" and (actor_user_id = :actor or impersonator_user_id = :actor)");
      params.put("actor", q.actorUserId());
    }
    if (q.tenantId() != null) {
      where.append(" and tenant_id = :tenant");
      params.put("tenant", q.tenantId());
    }
    if (q.targetType() != null) {
      where.append(" and target_type = :ttype");
      params.put("ttype", q.targetType());
    }
    if (q.targetId() != null) {
      where.append(" and target_id = :tid");
      params.put("tid", q.targetId());
    }
    if (q.action() != null) {
      where.append(" and action = :action");
      params.put("action", q.action());
    }
    if (q.from() != null) {
      where.append(" and at >= :from");
      params.put("from", Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      where.append(" and at < :to");
      params.put("to", Timestamp.from(q.to()));
    }
    where.append(" and ").append(q.visibleTenants().sql("tenant_id", "visible", params));
    long total =
        jdbc.sql("select count(*) from audit_event" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", q.size());
    params.put("offset", (long) q.page() * q.size());
    List<AuditEvent> items =
        jdbc.sql(
                "select * from audit_event"
                    + where
                    + " order by seq desc limit :limit offset :offset")
            .params(params)
            .query((rs, n) -> map(rs))
            .list();
    return new Page<>(items, q.page(), q.size(), total);
  }

  public ChainVerification verify() {
    var state =
        new Object() {
          long expectedSeq = 1;
          String prevHash = ZERO_HASH;
          long checked = 0;
          ChainVerification broken;
        };
    jdbc.sql("select * from audit_event order by seq")
        .query(
            rs -> {
              if (state.broken != null) {
                return;
              }
              AuditEvent e = map(rs);
              if (e.seq() != state.expectedSeq) {
                state.broken =
                    ChainVerification.broken(
                        state.checked,
                        state.expectedSeq,
                        e.seq() > state.expectedSeq
                            ? "event " + state.expectedSeq + " is missing (deleted)"
                            : "event " + e.seq() + " is out of sequence");
              } else if (!e.prevHash().equals(state.prevHash)) {
                state.broken =
                    ChainVerification.broken(
                        state.checked,
                        e.seq(),
                        "event "
                            + e.seq()
                            + " does not follow its predecessor (inserted or reordered)");
              } else if (!ChainHasher.hash(e).equals(e.hash())) {
                state.broken =
                    ChainVerification.broken(
                        state.checked,
                        e.seq(),
                        "event " + e.seq() + " was altered after it was written");
              } else {
                state.checked++;
                state.expectedSeq++;
                state.prevHash = e.hash();
              }
            });
    if (state.broken != null) {
      return state.broken;
    }
    Head head =
        jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    if (head.lastSeq() != state.expectedSeq - 1 || !head.lastHash().equals(state.prevHash)) {
      return ChainVerification.broken(
          state.checked,
          state.expectedSeq,
          "the chain ends at event "
              + (state.expectedSeq - 1)
              + " but "
              + head.lastSeq()
              + " were written (events removed from the end)");
    }
    return ChainVerification.ok(state.checked);
  }

  private static AuditEvent map(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getLong("seq"),
        rs.getObject("id", UUID.class),
        rs.getTimestamp("at").toInstant(),
        rs.getObject("actor_user_id", UUID.class),
        rs.getString("actor_label"),
        rs.getObject("impersonator_user_id", UUID.class),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("before_json"),
        rs.getString("after_json"),
        rs.getString("request_id"),
        rs.getString("client_ip"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
