package dev.tenantry.changes.internal;

import static dev.tenantry.authz.Permission.CHANGE_REQUESTS_APPROVE;
import static dev.tenantry.authz.Permission.CHANGE_REQUESTS_VIEW;

import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.web.ApiException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who sees and decides change requests (docs/change-requests.md). A request is seen by its author
 * and by holders of {@code change-requests:view} on its tenant (a cross-tenant one: on its MSP's
 * tenant, or at OWNER when it has no MSP); it is decided by holders of {@code
 * change-requests:approve} on its tenant (a cross-tenant one: at OWNER or at MSP scope of its MSP)
 * who are neither its author nor acting with or for its author. Lists get the same answer as SQL.
 */
@Component
class ChangeRequestAccess {
  static final String TYPE = "change request";
  private final Authorizer authorizer;

  ChangeRequestAccess(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  boolean canView(ChangeRequestRow r) {
    UUID me = authorizer.currentUserId().orElse(null);
    if (me == null) {
      return false;
    }
    return me.equals(r.authorUserId())
        || authorizer.check(CHANGE_REQUESTS_VIEW, viewTarget(r.tenantId(), r.mspId())).allowed();
  }

  ChangeRequestRow requireVisible(java.util.Optional<ChangeRequestRow> found, UUID id) {
    ChangeRequestRow r = found.orElseThrow(() -> ApiException.notFound(TYPE, id));
    if (!canView(r)) {
      throw ApiException.notFound(TYPE, id);
    }
    return r;
  }

  /** The requests the current caller may see, over {@code change_request r}. */
  SqlPredicate visible() {
    UUID me = authorizer.requireUser(); // an identity without a user has no requests

    TenantFilter view = authorizer.tenants(CHANGE_REQUESTS_VIEW);
    if (view.everything()) {
      return SqlPredicate.TRUE;
    }
    boolean owner = authorizer.check(CHANGE_REQUESTS_VIEW, Target.system()).allowed();
    Map<String, Object> params = new HashMap<>();
    params.put("crMe", me);
    params.put("crViewTenants", view.tenantIds().toArray(UUID[]::new));
    params.put("crOwnerView", owner);
    return new SqlPredicate(
        "(r.author_user_id = :crMe or r.tenant_id = any(:crViewTenants)"
            + " or r.tenant_id is null and (r.msp_id = any(:crViewTenants)"
            + " or r.msp_id is null and :crOwnerView))",
        params);
  }

  /**
   * Whether the current caller may decide the request with their own rights (not the applier's).
   */
  boolean canDecide(ChangeRequestRow r) {
    return !ownRequest(r)
        && authorizer
            .check(CHANGE_REQUESTS_APPROVE, approveTarget(r.tenantId(), r.mspId()))
            .allowed();
  }

  /** Refuses the author, and anyone acting for the author or with the author acting for them. */
  void requireDecider(ChangeRequestRow r) {
    if (ownRequest(r)) {
      throw ApiException.forbidden(
          "Nobody decides their own change request (nor while impersonating its author or being"
              + " impersonated by them); another approver must decide it");
    }
    authorizer.require(CHANGE_REQUESTS_APPROVE, approveTarget(r.tenantId(), r.mspId()));
  }

  boolean ownRequest(ChangeRequestRow r) {
    Actor me = dev.tenantry.shared.Actors.current();
    return Stream.of(me.userId(), me.impersonatorUserId())
        .filter(Objects::nonNull)
        .anyMatch(u -> u.equals(r.authorUserId()) || u.equals(r.authorImpersonatorUserId()));
  }

  boolean isAuthor(ChangeRequestRow r) {
    return r.authorUserId().equals(authorizer.currentUserId().orElse(null));
  }

  void requireAuthor(ChangeRequestRow r, String what) {
    if (!isAuthor(r)) {
      throw ApiException.forbidden("Only the author of a change request may " + what + " it");
    }
  }

  /** A tenant's request by its tenant; a cross-tenant one by its MSP's tenant, else at OWNER. */
  static Target viewTarget(@Nullable UUID tenantId, @Nullable UUID mspId) {
    if (tenantId != null) {
      return Target.tenant(tenantId);
    }
    return mspId != null ? Target.tenant(mspId) : Target.system();
  }

  /**
   * A tenant's request by its tenant; a cross-tenant one at OWNER or MSP(msp) (DESIGN §4 admin).
   */
  static Target approveTarget(@Nullable UUID tenantId, @Nullable UUID mspId) {
    if (tenantId != null) {
      return Target.tenant(tenantId);
    }
    return mspId != null ? Target.globalObject(mspId) : Target.system();
  }

  /**
   * The waiting requests the current caller may decide, over {@code change_request r}; {@code
   * crossTenantMsps} are the MSPs of waiting cross-tenant requests (few), each checked here.
   */
  SqlPredicate decidable(java.util.Collection<UUID> crossTenantMsps) {
    Actor me = dev.tenantry.shared.Actors.current();
    if (me.userId() == null) {
      return SqlPredicate.FALSE;
    }
    TenantFilter approve = authorizer.tenants(CHANGE_REQUESTS_APPROVE);
    boolean owner = authorizer.check(CHANGE_REQUESTS_APPROVE, Target.system()).allowed();
    UUID[] msps =
        crossTenantMsps.stream()
            .filter(
                m -> authorizer.check(CHANGE_REQUESTS_APPROVE, Target.globalObject(m)).allowed())
            .toArray(UUID[]::new);
    if (approve.isNothing() && !owner && msps.length == 0) {
      return SqlPredicate.FALSE;
    }
    UUID[] us =
        Stream.of(me.userId(), me.impersonatorUserId())
            .filter(Objects::nonNull)
            .toArray(UUID[]::new);
    Map<String, Object> params = new HashMap<>();
    params.put("apUs", us);
    params.put("apTenants", approve.tenantIds().toArray(UUID[]::new));
    params.put("apAll", approve.everything());
    params.put("apMsps", msps);
    params.put("apOwner", owner);
    return new SqlPredicate(
        "r.state = 'WAITING_FOR_APPROVAL' and not (r.author_user_id = any(:apUs))"
            + " and (r.author_impersonator_user_id is null"
            + " or not (r.author_impersonator_user_id = any(:apUs)))"
            + " and (r.tenant_id is not null and (:apAll or r.tenant_id = any(:apTenants))"
            + " or r.tenant_id is null and (r.msp_id = any(:apMsps) or r.msp_id is null and :apOwner))",
        params);
  }

  Authorizer authorizer() {
    return authorizer;
  }
}
