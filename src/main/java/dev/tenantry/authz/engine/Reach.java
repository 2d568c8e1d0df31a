package dev.tenantry.authz.engine;

import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN §3.6e: the most a scope can ever cover without anyone changing access — the tenants and
 * computers it covers now <em>and</em> those it will cover as tenants are created under a parent,
 * tenants and computers are tagged, and computers are created or change type. Judged as one value
 * per scope, never by listing what the scope covers today.
 *
 * <ul>
 *   <li>{@code ALL}: every tenant and computer (OWNER; a TENANT_TAG scope without MSP limit; a tag
 *       or type selector without a tenant or MSP limit; USERS_TENANT on an instance-wide group);
 *   <li>{@code MSP}: every tenant of MSP {@code id}, now and later, and their computers (MSP(m), a
 *       TENANT_TAG scope limited to MSP m, or a tag or type selector limited to MSP m);
 *   <li>{@code SUBTREE}: tenant {@code id} and every tenant under it, now and later, and their
 *       computers;
 *   <li>{@code TENANT}: tenant {@code id} and its computers (USERS_TENANT resolves to one);
 *   <li>{@code TENANT_COMPUTERS}: every computer tenant {@code id} has or will have (a selector
 *       limited to it);
 *   <li>{@code COMPUTER}: computer {@code id}.
 * </ul>
 */
public record Reach(Kind kind, @Nullable UUID id) {
  public enum Kind {
    ALL,
    MSP,
    SUBTREE,
    TENANT,
    TENANT_COMPUTERS,
    COMPUTER
  }

  static final Reach ALL = new Reach(Kind.ALL, null);

  /** Wider than one tenant's subtree (rule 6b asks for {@code roles:assign-cross-tenant}). */
  public boolean crossTenant() {
    return kind == Kind.ALL || kind == Kind.MSP;
  }

  /**
   * The reach of the scope for the principal; empty when the scope names a tenant, computer, user
   * or group that is absent (or a user whose person is gone), where nothing sensible can be judged.
   */
  public static Optional<Reach> of(PolicySnapshot s, Scope scope, Principal principal) {
    return switch (scope) {
      case Scope.Owner o -> Optional.of(ALL);
      case Scope.Msp(UUID m) -> tenant(s, Kind.MSP, m);
      case Scope.Tenant(UUID t, boolean children) ->
          tenant(s, children ? Kind.SUBTREE : Kind.TENANT, t);
      case Scope.TenantTag(UUID g, UUID m) -> m == null ? Optional.of(ALL) : tenant(s, Kind.MSP, m);
      case Scope.UsersTenant u ->
          switch (principal) {
            case Principal.UserPrincipal(UUID id) ->
                s.user(id).map(UserNode::tenantId).flatMap(t -> tenant(s, Kind.TENANT, t));
            case Principal.GroupPrincipal(UUID id) ->
                s.group(id)
                    .flatMap(
                        g ->
                            g.ownerTenantId() == null
                                ? Optional.of(ALL)
                                : tenant(s, Kind.TENANT, g.ownerTenantId()));
          };
      case Scope.Resource(ResourceSelector sel) ->
          switch (sel) {
            case ResourceSelector.OneComputer(UUID c) ->
                s.computer(c).map(n -> new Reach(Kind.COMPUTER, c));
            case ResourceSelector.ComputerTag(UUID g, UUID limit, UUID msp) ->
                limited(s, limit, msp);
            case ResourceSelector.ComputerTypes(var types, UUID limit, UUID msp) ->
                limited(s, limit, msp);
          };
    };
  }

  /** A selector limited to tenant T: T's computers; to MSP m: m (as MSP(m)); else everything. */
  private static Optional<Reach> limited(
      PolicySnapshot s, @Nullable UUID limit, @Nullable UUID msp) {
    if (limit != null) {
      return tenant(s, Kind.TENANT_COMPUTERS, limit);
    }
    return msp == null ? Optional.of(ALL) : tenant(s, Kind.MSP, msp);
  }

  private static Optional<Reach> tenant(PolicySnapshot s, Kind kind, @Nullable UUID t) {
    return t == null ? Optional.empty() : s.tenant(t).map(n -> new Reach(kind, t));
  }
}
