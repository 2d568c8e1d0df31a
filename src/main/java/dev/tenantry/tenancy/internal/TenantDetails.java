package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.PolicyChangeListener;
import dev.tenantry.authz.access.ComputerFilter;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.tenancy.TagView;
import dev.tenantry.tenancy.TenantView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The node-local read model behind {@code GET /api/v1/tenants/{id}}: per tenant its row, its tags,
 * the ids of its children and the number of its computers, as read from the database, kept until
 * the policy feed says that one of them changed ({@link PolicyChangeListener}: every update of a
 * tenant row, its tags and a tag's row are feed changes since V137; children and computers are
 * policy data). What a particular caller sees is decided per request from the policy snapshot:
 * which children they may view, and whether they may view all, none or some of the tenant's
 * computers (only "some" — resource-selector grants — counts them in SQL).
 *
 * <p>Read-your-writes: the store tells this model before a revision counts as applied, so a request
 * that waited for {@code X-Policy-Revision} finds the changed tenants dropped and reads them again.
 * A load that overlaps a drop is answered but not kept (the {@link #epoch} check under {@link
 * #lock}), so a row read before a change can never be stored after the change was applied. Without
 * a revision, the answer is as current as the node's policy snapshot (the feed delivers changes
 * within about a second), like every authorization decision.
 */
@Component
public class TenantDetails implements PolicyChangeListener {
  static final int MAX_ENTRIES = 100_000;

  private static final String LOAD =
      """
      select t.*, (select count(*) from computer c where c.tenant_id = t.id) as computer_count,
             0 as child_count,
             array(select ch.id from tenant ch where ch.parent_id = t.id) as children,
             array(select g.id from tenant_tag tt join tag g on g.id = tt.tag_id
                    where tt.tenant_id = t.id order by lower(g.name)) as tag_ids,
             array(select g.name from tenant_tag tt join tag g on g.id = tt.tag_id
                    where tt.tenant_id = t.id order by lower(g.name)) as tag_names,
             array(select g.color from tenant_tag tt join tag g on g.id = tt.tag_id
                    where tt.tenant_id = t.id order by lower(g.name)) as tag_colors,
             array(select g.description from tenant_tag tt join tag g on g.id = tt.tag_id
                    where tt.tenant_id = t.id order by lower(g.name)) as tag_descriptions,
             array(select g.version from tenant_tag tt join tag g on g.id = tt.tag_id
                    where tt.tenant_id = t.id order by lower(g.name)) as tag_versions
        from tenant t where t.id = ?""";

  private final JdbcClient jdbc;
  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private long epoch; // guarded by lock: drops so far
  private final Counter hits;
  private final Counter misses;

  TenantDetails(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.hits = meters.counter("tenantry.tenant.details", "result", "hit");
    this.misses = meters.counter("tenantry.tenant.details", "result", "miss");
  }

  /** The tenant's view with all computers and no children counted, and the ids of its children. */
  record Entry(TenantView view, List<UUID> children) {}

  /**
   * The tenant as the caller may see it: children counted when the caller may view them, computers
   * when the caller may view them ({@code computers:view}). The caller's right to view the tenant
   * itself is checked before (404 otherwise).
   */
  public Optional<TenantView> find(UUID id, TenantAccess access) {
    Entry e = entry(id);
    if (e == null) {
      return Optional.empty();
    }
    TenantFilter visible =
        e.children().isEmpty() ? TenantFilter.nothing() : access.visibleAmong(e.children());
    long childCount = 0;
    for (UUID child : e.children()) {
      if (visible.allows(child)) {
        childCount++;
      }
    }
    ComputerFilter computers = access.computersIn(id);
    long computerCount;
    if (computers.allowsEveryComputerOf(id)) {
      computerCount = e.view().computerCount();
    } else if (computers.allowsNoComputerOf(id)) {
      computerCount = 0;
    } else {
      computerCount = countComputers(id, computers);
    }
    return Optional.of(e.view().withCounts(computerCount, childCount));
  }

  private long countComputers(UUID id, ComputerFilter filter) {
    var p = filter.sql("c", "countComputers");
    return jdbc.sql("select count(*) from computer c where c.tenant_id = :id and " + p.sql())
        .params(p.params())
        .param("id", id)
        .query(Long.class)
        .single();
  }

  Entry entry(UUID id) {
    Entry e = entries.get(id);
    if (e != null) {
      hits.increment();
      return e;
    }
    misses.increment();
    long seen;
    synchronized (lock) {
      seen = epoch;
    }
    e = jdbc.sql(LOAD).param(id).query((rs, n) -> read(rs)).optional().orElse(null);
    if (e != null) {
      synchronized (lock) {
        if (epoch == seen) { // no change applied meanwhile: what was read is still current
          if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
          }
          entries.put(id, e);
        }
      }
    }
    return e;
  }

  @Override
  public void applied(Applied change) {
    synchronized (lock) {
      epoch++;
      if (change.everything()) {
        entries.clear();
      } else {
        change.tenants().forEach(entries::remove);
      }
    }
  }

  int size() {
    return entries.size();
  }

  private static Entry read(ResultSet rs) throws SQLException {
    TenantView v = TenantRepository.view(rs, 0);
    UUID[] ids = (UUID[]) rs.getArray("tag_ids").getArray();
    String[] names = strings(rs.getArray("tag_names"));
    String[] colors = strings(rs.getArray("tag_colors"));
    String[] descriptions = strings(rs.getArray("tag_descriptions"));
    Long[] versions = (Long[]) rs.getArray("tag_versions").getArray();
    List<TagView> tags = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      tags.add(new TagView(ids[i], names[i], colors[i], descriptions[i], versions[i]));
    }
    List<UUID> children = List.of((UUID[]) rs.getArray("children").getArray());
    return new Entry(v.withTags(tags), children);
  }

  private static String[] strings(Array a) throws SQLException {
    return (String[]) a.getArray();
  }
}
