package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import dev.tenantry.tenancy.TenantView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code tenant} table; the tree queries live in {@link TenantTree}. */
@Repository
public class TenantRepository {
  static final String VIEW_SELECT =
      """
      select t.*, lower(t.name) as sort_key,
             (select count(*) from computer c where c.tenant_id = t.id) as computer_count,
             (select count(*) from tenant ch where ch.parent_id = t.id) as child_count
        from tenant t
      """;
  private final JdbcClient jdbc;

  TenantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<TenantRow> find(UUID id) {
    return jdbc.sql("select * from tenant where id = ?").param(id).query(this::row).optional();
  }

  /** Locks the row for the rest of the transaction. */
  public Optional<TenantRow> lock(UUID id) {
    return jdbc.sql("select * from tenant where id = ? for update")
        .param(id)
        .query(this::row)
        .optional();
  }

  public Optional<TenantView> view(UUID id) {
    return jdbc.sql(VIEW_SELECT + " where t.id = ?")
        .param(id)
        .query(TenantRepository::view)
        .optional();
  }

  /** Names of the tenants among {@code ids}, in name order, one window of them. */
  public Map<UUID, String> names(Collection<UUID> ids, int offset, int limit) {
    Map<UUID, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select id, name from tenant where id = any(:ids) order by lower(name), id"
                + " limit :limit offset :offset")
        .param("ids", ids.toArray(new UUID[0]))
        .param("limit", limit)
        .param("offset", offset)
        .query(
            rs -> {
              out.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return out;
  }

  public boolean exists(UUID id) {
    return jdbc.sql("select exists(select 1 from tenant where id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  public boolean nameTaken(String name, @Nullable UUID except) {
    return taken("lower(name) = lower(:v)", name, except);
  }

  public boolean slugTaken(String slug, @Nullable UUID except) {
    return taken("slug = :v", slug, except);
  }

  public boolean azureTenantTaken(UUID azureTenantId, @Nullable UUID except) {
    return taken("azure_tenant_id = :v", azureTenantId, except);
  }

  private boolean taken(String condition, Object value, @Nullable UUID except) {
    return jdbc.sql(
            "select exists(select 1 from tenant where "
                + condition
                + " and id is distinct from :except)")
        .param("v", value)
        .param("except", except)
        .query(Boolean.class)
        .single();
  }

  public void insert(TenantRow t) {
    jdbc.sql(
            """
            insert into tenant (id, name, slug, description, kind, active, parent_id, msp_id,
                                azure_tenant_id)
            values (:id, :name, :slug, :description, :kind, :active, :parent, :msp, :azure)
            """)
        .paramSource(params(t))
        .update();
  }

  /** Writes {@code t} only if the stored version is still {@code t.version()}; true if it did. */
  public boolean update(TenantRow t) {
    return jdbc.sql(
                """
            update tenant
               set name = :name, slug = :slug, description = :description, kind = :kind,
                   active = :active, parent_id = :parent, msp_id = :msp, azure_tenant_id = :azure,
                   version = version + 1, updated_at = now()
             where id = :id and version = :version
            """)
            .paramSource(params(t))
            .update()
        == 1;
  }

  /**
   * Records who linked (or unlinked, {@code linked == false}) the tenant's Entra directory, and
   * when: shown on the tenant page.
   */
  public void recordAzureLink(UUID id, boolean linked, @Nullable UUID byUser, String byLabel) {
    jdbc.sql(
            """
            update tenant set azure_linked_at = case when :linked then now() end,
                   azure_linked_by = case when :linked then :user end,
                   azure_linked_by_label = case when :linked then :label end
             where id = :id
            """)
        .param("id", id)
        .param("linked", linked)
        .param("user", byUser)
        .param("label", byLabel)
        .update();
  }

  /** Who linked the tenant's Entra directory and when; empty when it is not linked. */
  public Optional<AzureLink> azureLink(UUID id) {
    return jdbc.sql(
            """
            select azure_tenant_id, azure_linked_at, azure_linked_by_label from tenant
             where id = ? and azure_tenant_id is not null
            """)
        .param(id)
        .query(
            (rs, n) ->
                new AzureLink(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, java.time.OffsetDateTime.class) == null
                        ? null
                        : rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                    rs.getString(3)))
        .optional();
  }

  /** An Entra link as the tenant page shows it; who/when are null for links made before V55. */
  public record AzureLink(
      UUID azureTenantId, java.time.@Nullable Instant linkedAt, @Nullable String linkedBy) {}

  public boolean delete(UUID id, long version) {
    return jdbc.sql("delete from tenant where id = ? and version = ?").params(id, version).update()
        == 1;
  }

  public long mspCountExcept(UUID id) {
    return jdbc.sql("select count(*) from tenant where kind = 'MSP' and id <> ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** The instance's MSP: the first MSP tenant created, optionally skipping one. */
  public Optional<UUID> firstMsp(@Nullable UUID except) {
    return jdbc.sql(
            """
            select id from tenant where kind = 'MSP' and id is distinct from :except
             order by created_at, id limit 1
            """)
        .param("except", except)
        .query(UUID.class)
        .optional();
  }

  public boolean isEmpty() {
    return !jdbc.sql("select exists(select 1 from tenant)").query(Boolean.class).single();
  }

  private static Params params(TenantRow t) {
    return new Params(
        t.id(),
        t.name(),
        t.slug(),
        t.description(),
        t.kind().name(),
        t.active(),
        t.parentId(),
        t.mspId(),
        t.azureTenantId(),
        t.version());
  }

  /** Named parameters of a tenant row. */
  record Params(
      UUID id,
      String name,
      String slug,
      String description,
      String kind,
      boolean active,
      @Nullable UUID parent,
      UUID msp,
      @Nullable UUID azure,
      long version) {}

  private TenantRow row(ResultSet rs, int n) throws SQLException {
    return new TenantRow(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("slug"),
        rs.getString("description"),
        TenantKind.valueOf(rs.getString("kind")),
        rs.getBoolean("active"),
        rs.getObject("parent_id", UUID.class),
        rs.getObject("msp_id", UUID.class),
        rs.getObject("azure_tenant_id", UUID.class),
        rs.getLong("version"));
  }

  static TenantView view(ResultSet rs, int n) throws SQLException {
    return new TenantView(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("slug"),
        rs.getString("description"),
        TenantKind.valueOf(rs.getString("kind")),
        rs.getBoolean("active"),
        rs.getObject("parent_id", UUID.class),
        rs.getObject("msp_id", UUID.class),
        rs.getObject("azure_tenant_id", UUID.class),
        List.of(),
        rs.getLong("computer_count"),
        rs.getLong("child_count"),
        rs.getLong("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
