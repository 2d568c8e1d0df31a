package dev.tenantry.library.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' ownership form (DESIGN §7) for every library kind: who owns the object, whether it
 * is global or visible to all tenants, the tenants the caller may hand it to, and the change itself
 * ({@link OwnedObjects#changeOwnership}). Kinds are named as in the console's paths: {@code
 * scripts}, {@code software}, {@code tasks}, {@code media}, {@code licenses}.
 */
@Service
public class LibraryOwnership {
  private final Map<String, OwnedObjects.Kind<?>> kinds = new LinkedHashMap<>();
  private final OwnedObjects owned;
  private final LibraryAccess access;
  private final Authorizer authorizer;
  private final Tenants tenants;
  private final JdbcClient jdbc;

  LibraryOwnership(
      ScriptService scripts,
      SoftwareService software,
      TaskService tasks,
      MediaService media,
      LicenseService licenses,
      OwnedObjects owned,
      LibraryAccess access,
      Authorizer authorizer,
      Tenants tenants,
      JdbcClient jdbc) {
    kinds.put("scripts", scripts.kind());
    kinds.put("software", software.kind());
    kinds.put("tasks", tasks.kind());
    kinds.put("media", media.kind());
    kinds.put("licenses", licenses.kind());
    this.owned = owned;
    this.access = access;
    this.authorizer = authorizer;
    this.tenants = tenants;
    this.jdbc = jdbc;
  }

  /** What the ownership form shows and offers. */
  public record Form(
      String kind,
      UUID id,
      @Nullable UUID ownerTenantId,
      String ownerName,
      boolean global,
      boolean visibleToAllTenants,
      boolean sharable,
      long version,
      boolean canManage,
      boolean canPublish) {}

  @Transactional(readOnly = true)
  public Form form(String kindPath, UUID id) {
    return form(kind(kindPath), kindPath, id);
  }

  private <T> Form form(OwnedObjects.Kind<T> k, String kindPath, UUID id) {
    T t = owned.visible(k, id, false);
    Ownership o = k.ownership().apply(t);
    String ownerName =
        o.global()
            ? "Global"
            : tenants.find(o.ownerTenantId()).map(TenantView::name).orElse("a tenant");
    return new Form(
        kindPath,
        id,
        o.ownerTenantId(),
        ownerName,
        o.global(),
        o.visibleToAllTenants(),
        k.kind().sharable(),
        k.version().applyAsLong(t),
        access.canManage(k.kind(), o),
        owned.mayPublish(k.kind()));
  }

  /**
   * Hands the object to another tenant, makes it global or (scripts, tasks) visible to all tenants,
   * or takes that back. {@code ownerTenantId} null keeps the current owner.
   */
  @Transactional
  public void change(
      String kindPath,
      UUID id,
      long expectedVersion,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAll) {
    OwnedObjects.Kind<?> k = kind(kindPath);
    if (k.kind() == LibraryKind.SCRIPT) { // editing a script passes the terminal preference's gate
      Ownership before = ownership(k, id);
      access.requireTerminalGate(Permission.SCRIPTS_MANAGE, before.target(), access.mspOf(before));
    }
    owned.changeOwnership(k, id, expectedVersion, ownerTenantId, global, visibleToAll);
  }

  private <T> Ownership ownership(OwnedObjects.Kind<T> k, UUID id) {
    return k.ownership().apply(owned.visible(k, id, false));
  }

  /**
   * The tenants whose name contains {@code q} on which the caller holds the kind's manage
   * permission — the only owners an object may be handed to — by name.
   */
  @Transactional(readOnly = true)
  public Map<UUID, String> owners(String kindPath, String q, int limit) {
    authorizer.requireUser();
    SqlPredicate manageable =
        authorizer.tenants(kind(kindPath).kind().manage()).sql("t.id", "ownerIds");
    Map<UUID, String> out = new LinkedHashMap<>();
    jdbc.sql(
            "select t.id, t.name from tenant t where "
                + manageable.sql()
                + " and lower(t.name) like :q escape '\\' order by lower(t.name), t.id limit :limit")
        .params(manageable.params())
        .param("q", ListSql.containing(q))
        .param("limit", limit)
        .query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
    return out;
  }

  private OwnedObjects.Kind<?> kind(String kindPath) {
    OwnedObjects.Kind<?> k = kinds.get(kindPath);
    if (k == null) {
      throw ApiException.notFound("library kind", kindPath);
    }
    return k;
  }
}
