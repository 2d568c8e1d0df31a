package dev.tenantry.identity.internal;

import dev.tenantry.shared.Page;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users joined to their person. Identity lookups are by (tid, oid) only, filtered by kind. */
@Repository
class UserRepository {
  private static final String SELECT =
      """
      select u.id, u.person_id, p.tenant_id, u.kind, u.enabled, u.access_expires_at,
             u.entra_tenant_id, u.entra_object_id, p.given_name, p.family_name, p.email,
             u.created_at, u.version, p.entra_state = 'ACTIVE' as person_active
        from app_user u join person p on p.id = u.person_id
      """;
  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserView> byIdentity(UUID tid, UUID objectId, String kind) {
    return jdbc.sql(
            SELECT + " where u.entra_tenant_id = ? and u.entra_object_id = ? and u.kind = ?")
        .params(tid, objectId, kind)
        .query(Rows.of(UserView.class))
        .optional();
  }

  Optional<UserView> byId(UUID id) {
    return jdbc.sql(SELECT + " where u.id = ?").param(id).query(Rows.of(UserView.class)).optional();
  }

  Page<UserView> list(
      @Nullable String q,
      @Nullable UUID tenantId,
      @Nullable Boolean enabled,
      VisibleTenants visibleTenants,
      int page,
      int size) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> params = new ArrayList<>();
    if (visibleTenants instanceof VisibleTenants.Only(Set<UUID> ids, UUID storedSet)) {
      if (storedSet != null) {
        where.append(" and ").append(VisibleTenants.inStoredSet("p.tenant_id", storedSet));
      } else {
        where.append(" and p.tenant_id = any(?)");
        params.add(ids.toArray(new UUID[0]));
      }
    }
    if (q != null && !q.isBlank()) {
      where.append(" and (p.given_name || ' ' || p.family_name || ' ' || p.email) ilike ?");
      params.add(dev.tenantry.shared.db.Like.contains(q));
    }
    if (tenantId != null) {
      where.append(" and p.tenant_id = ?");
      params.add(tenantId);
    }
    if (enabled != null) {
      where.append(" and u.enabled = ?");
      params.add(enabled);
    }
    Counts.Total total =
        Counts.of(jdbc, "app_user u join person p on p.id = u.person_id" + where, params);
    List<Object> paged = new ArrayList<>(params);
    paged.add(size);
    paged.add((long) page * size);
    List<UserView> items =
        jdbc.sql(SELECT + where + " order by p.family_name, p.given_name, u.id limit ? offset ?")
            .params(paged)
            .query(Rows.of(UserView.class))
            .list();
    return new Page<>(items, page, size, total.value(), total.estimated(), null);
  }

  void insert(
      UUID id,
      UUID personId,
      String kind,
      UUID tid,
      UUID objectId,
      @Nullable Instant expiresAt,
      @Nullable UUID createdBy) {
    jdbc.sql(
            """
        insert into app_user (id, person_id, kind, enabled, access_expires_at, entra_tenant_id,
                              entra_object_id, created_by)
        values (?, ?, ?, true, ?, ?, ?, ?)
        """)
        .params(id, personId, kind, ts(expiresAt), tid, objectId, createdBy)
        .update();
  }

  boolean update(UUID id, long version, boolean enabled, @Nullable Instant expiresAt) {
    return jdbc.sql(
                """
        update app_user set enabled = ?, access_expires_at = ?, version = version + 1
         where id = ? and version = ?
        """)
            .params(enabled, ts(expiresAt), id, version)
            .update()
        == 1;
  }

  /** Role assignments and group memberships go with it (FK cascade); the person stays. */
  void delete(UUID id) {
    jdbc.sql("delete from app_user where id = ?").param(id).update();
  }

  static java.sql.@Nullable Timestamp ts(@Nullable Instant i) {
    return i == null ? null : java.sql.Timestamp.from(i);
  }

  /** A user as the API shows it. */
  record UserView(
      UUID id,
      UUID personId,
      UUID tenantId,
      String kind,
      boolean enabled,
      @Nullable Instant accessExpiresAt,
      @Nullable UUID entraTenantId,
      @Nullable UUID entraObjectId,
      String givenName,
      String familyName,
      String email,
      Instant createdAt,
      long version,
      boolean personActive) {

    public boolean expired() {
      return accessExpiresAt != null && !accessExpiresAt.isAfter(Instant.now());
    }

    public String displayName() {
      String n = (givenName + " " + familyName).trim();
      return n.isEmpty() ? email : n;
    }

    /** Enabled, not expired, and the person not disabled or removed in Entra (DESIGN §9). */
    boolean mayAct() {
      return enabled && !expired() && personActive;
    }

    /** Why {@link #mayAct()} is false (for the audit trail and the 401 answer). */
    String refusal() {
      return !enabled
          ? "user disabled"
          : !personActive ? "person inactive in Entra" : "access expired";
    }
  }
}
