package dev.tenantry.library.internal;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.shared.db.Rows;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.Preferences;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change library objects (DESIGN §7), asked of the engine; lists get the same
 * answer as a SQL predicate. Invisible objects answer 404 exactly like missing ones.
 */
@Component
public class LibraryAccess {
  /** The application preference of seed 003, DESIGN §4/§7. */
  public static final String TERMINAL_PREFERENCE = "legacy.allowNonAdminsTerminalAndScripts";

  static final String TERMINAL_PREFERENCE_NAME =
      "Allow Non-Admins and Non-MSP Users to Use Terminal and Edit Scripts";

  private final Authorizer authorizer;
  private final Tenants tenants;
  private final Preferences preferences;
  private final JdbcClient jdbc;

  LibraryAccess(Authorizer authorizer, Tenants tenants, Preferences preferences, JdbcClient jdbc) {
    this.authorizer = authorizer;
    this.tenants = tenants;
    this.preferences = preferences;
    this.jdbc = jdbc;
  }

  public boolean canView(LibraryKind kind, Ownership o) {
    return authorizer.check(kind.view(), o.target()).allowed()
        || o.visibleToAllTenants()
            && authorizer.check(kind.view(), Target.globalObject(null)).allowed();
  }

  public void requireVisible(LibraryKind kind, Ownership o, Object id) {
    if (!canView(kind, o)) {
      throw ApiException.notFound(kind.label(), id);
    }
  }

  public boolean canManage(LibraryKind kind, Ownership o) {
    return authorizer.check(kind.manage(), o.target()).allowed();
  }

  public boolean holdsAnywhere(Permission permission) {
    return authorizer.holdsAnywhere(permission);
  }

  public void requireManage(LibraryKind kind, Ownership o) {
    authorizer.require(kind.manage(), o.target());
  }

  public void requireDelete(LibraryKind kind, Ownership o) {
    authorizer.require(kind.delete(), o.target());
  }

  /**
   * Secrets (license keys and files, secret script parameters) are readable only over the owner's
   * manage scope; for global objects at OWNER or the creating MSP (the object's own target).
   */
  public boolean canReadSecrets(LibraryKind kind, Ownership o) {
    return canManage(kind, o);
  }

  /**
   * The ownership of a new object. Owned objects default to the creator's own tenant (a tenant
   * admin's objects are always owned by their tenant); global ones record the creator's MSP.
   */
  public Ownership forCreate(
      LibraryKind kind, @Nullable UUID ownerTenantId, boolean global, boolean visibleToAll) {
    Ownership o;
    if (global) {
      if (ownerTenantId != null) {
        throw ApiException.invalid("ownerTenantId: a global object has no owner");
      }
      o = new Ownership(null, callerMspId(), false);
    } else {
      UUID owner = ownerTenantId != null ? ownerTenantId : callerTenantId();
      requireTenantVisible(kind, owner);
      o = new Ownership(owner, null, visibleToAll && kind.sharable());
    }
    requirePublishing(kind, o);
    requireManage(kind, o);
    return o;
  }

  /**
   * An ownership change needs manage on both the old and the new owner (and publish to go wide).
   */
  public Ownership forChange(
      LibraryKind kind,
      Ownership before,
      @Nullable UUID ownerTenantId,
      boolean global,
      boolean visibleToAll) {
    Ownership after;
    if (global) {
      if (ownerTenantId != null) {
        throw ApiException.invalid("ownerTenantId: a global object has no owner");
      }
      after = before.global() ? before : new Ownership(null, callerMspId(), false);
    } else {
      UUID owner = ownerTenantId != null ? ownerTenantId : before.ownerTenantId();
      if (owner == null) {
        throw ApiException.invalid(
            "ownerTenantId: name the tenant that takes over this global object");
      }
      if (!owner.equals(before.ownerTenantId())) {
        requireTenantVisible(kind, owner);
      }
      after = new Ownership(owner, null, visibleToAll && kind.sharable());
    }
    requireManage(kind, before);
    if (!after.target().equals(before.target())) {
      requireManage(kind, after);
    }
    if (after.published()
        && !(before.published()
            && after.target().equals(before.target())
            && after.visibleToAllTenants() == before.visibleToAllTenants())) {
      requirePublishing(kind, after);
    }
    return after;
  }

  private void requirePublishing(LibraryKind kind, Ownership o) {
    if (!o.published()) {
      return;
    }
    UUID msp = o.global() ? o.createdByMspId() : tenantMsp(o.ownerTenantId());
    authorizer.require(kind.publish(), Target.globalObject(msp));
  }

  private void requireTenantVisible(LibraryKind kind, UUID tenantId) {
    if (!tenants.exists(tenantId)
        || !(authorizer.check(Permission.TENANTS_VIEW, Target.tenant(tenantId)).allowed()
            || authorizer.check(kind.view(), Target.ownedObject(tenantId)).allowed())) {
      throw ApiException.notFound("tenant", tenantId);
    }
  }

  /**
   * The objects of this kind the caller may view, for a table aliased {@code alias} with columns
   * {@code owner_tenant_id} (and {@code visible_to_all_tenants} for scripts and tasks).
   */
  public SqlPredicate listFilter(LibraryKind kind, String alias) {
    authorizer.requireUser(); // an identity without a user has no library
    return listFilter(
        kind,
        alias,
        authorizer.tenants(kind.view()),
        authorizer.check(kind.view(), Target.globalObject(null)).allowed());
  }

  /**
   * The list predicate from the engine's answers: the owners where the caller holds the view
   * permission, and whether it holds it anywhere (then global and visible-to-all objects show).
   */
  static SqlPredicate listFilter(
      LibraryKind kind, String alias, TenantFilter owned, boolean shared) {
    SqlPredicate own = owned.sql(alias + ".owner_tenant_id", "libOwners");
    if (!shared) {
      return own;
    }
    String wide =
        alias
            + ".owner_tenant_id is null"
            + (kind.sharable() ? " or " + alias + ".visible_to_all_tenants" : "");
    Map<String, Object> params = new HashMap<>(own.params());
    return new SqlPredicate("(" + own.sql() + " or " + wide + ")", params);
  }

  /**
   * The preference gate (DESIGN §7): while the preference is off, only admins who are MSP users —
   * or holders of the built-in role that replaces the preference — edit scripts or run them.
   */
  public void requireTerminalGate(Permission permission, Target target, @Nullable UUID mspId) {
    if (preferences.applicationFlag(TERMINAL_PREFERENCE)) {
      return;
    }
    UUID user = authorizer.requireUser();
    boolean admin =
        authorizer.check(permission, Target.globalObject(mspId)).allowed() && callerIsMspUser();
    UUID replacingRole =
        permission == Permission.SCRIPTS_MANAGE
            ? BuiltInRoles.SCRIPT_MANAGER.id()
            : BuiltInRoles.COMPUTER_TERMINAL_USER.id();
    boolean viaRole =
        authorizer.explain(user, permission, target).allows().stream()
            .map(MatchedAssignment::roleId)
            .anyMatch(replacingRole::equals);
    if (!admin && !viaRole) {
      throw ApiException.forbidden(
          "The application preference '"
              + TERMINAL_PREFERENCE_NAME
              + "' is off: only administrators who are MSP users, or holders of the role '"
              + (permission == Permission.SCRIPTS_MANAGE
                  ? BuiltInRoles.SCRIPT_MANAGER.name()
                  : BuiltInRoles.COMPUTER_TERMINAL_USER.name())
              + "', may do this");
    }
  }

  /** The MSP of an object's owner (for a global object, the MSP that created it). */
  public @Nullable UUID mspOf(Ownership o) {
    return o.global() ? o.createdByMspId() : tenantMsp(o.ownerTenantId());
  }

  public @Nullable UUID tenantMsp(@Nullable UUID tenantId) {
    return tenantId == null ? null : tenants.find(tenantId).map(TenantView::mspId).orElse(null);
  }

  private boolean callerIsMspUser() {
    return caller().map(c -> c.kind().equals("MSP")).orElse(false);
  }

  private UUID callerTenantId() {
    return caller()
        .map(CallerHome::tenantId)
        .orElseThrow(
            () -> ApiException.forbidden("You have no Tenantry user; request access first"));
  }

  private @Nullable UUID callerMspId() {
    return caller().map(CallerHome::mspId).orElse(null);
  }

  private java.util.Optional<CallerHome> caller() {
    return authorizer
        .currentUserId()
        .flatMap(
            u ->
                jdbc.sql(
                        "select p.tenant_id, t.msp_id, t.kind from app_user u"
                            + " join person p on p.id = u.person_id join tenant t on t.id = p.tenant_id"
                            + " where u.id = ?")
                    .param(u)
                    .query(Rows.of(CallerHome.class))
                    .optional());
  }

  /** The tenant of the caller's person, its MSP and its kind. */
  record CallerHome(UUID tenantId, UUID mspId, String kind) {}
}
