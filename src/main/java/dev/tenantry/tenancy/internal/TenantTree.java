package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.access.AccessWriteLock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queries and maintenance of the tenant tree (parent links and the derived msp_id). */
@Repository
public class TenantTree {
  private final JdbcClient jdbc;
  private final AccessWriteLock accessWriteLock;

  TenantTree(JdbcClient jdbc, AccessWriteLock accessWriteLock) {
    this.jdbc = jdbc;
    this.accessWriteLock = accessWriteLock;
  }

  /**
   * Serialises changes to the tree's shape for the rest of the transaction, so that two concurrent
   * re-parentings cannot together create a cycle, nor two un-flaggings remove the last MSP. Takes
   * the access-write lock first (a tree change is an access change, DESIGN §3.10): the lock order
   * ({@link dev.tenantry.shared.db.LockOrder}) then holds by construction.
   */
  public void lock() {
    accessWriteLock.acquire();
    jdbc.sql("select pg_advisory_xact_lock(hashtext('tenantry.tenant-tree'))").query().singleRow();
  }

  /** The ancestors of a tenant, nearest first (the tenant itself excluded). */
  public List<UUID> ancestors(UUID id) {
    return jdbc.sql(
            """
            with recursive up(id, parent_id, depth) as (
                select id, parent_id, 0 from tenant where id = :id
                union all
                select t.id, t.parent_id, up.depth + 1 from tenant t join up on t.id = up.parent_id
            )
            select id from up where depth > 0 order by depth
            """)
        .param("id", id)
        .query(UUID.class)
        .list();
  }

  /** Whether {@code candidate} is {@code root} or lies anywhere below it. */
  public boolean isSelfOrDescendant(UUID candidate, UUID root) {
    return candidate.equals(root) || ancestors(candidate).contains(root);
  }

  /** Points every tenant whose MSP was {@code from} (an MSP losing its flag) at {@code to}. */
  public void reassignMsp(UUID from, UUID to) {
    jdbc.sql("update tenant set msp_id = :to where msp_id = :from and id <> :from")
        .param("from", from)
        .param("to", to)
        .update();
  }

  /**
   * Recomputes msp_id over the whole tree: an MSP belongs to itself, a child to its parent's MSP, a
   * root client keeps the MSP chosen for it. Returns the tenants whose msp_id changed.
   */
  public List<UUID> recomputeMsp() {
    return jdbc.sql(
            """
            with recursive tree(id, msp) as (
                select t.id, case when t.kind = 'MSP' then t.id else t.msp_id end
                  from tenant t where t.parent_id is null
                union all
                select c.id, case when c.kind = 'MSP' then c.id else tree.msp end
                  from tenant c join tree on c.parent_id = tree.id
            )
            update tenant t set msp_id = tree.msp, updated_at = now()
              from tree
             where t.id = tree.id and t.msp_id <> tree.msp
            returning t.id
            """)
        .query(UUID.class)
        .list();
  }
}
