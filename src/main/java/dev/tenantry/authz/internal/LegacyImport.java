package dev.tenantry.authz.internal;

import static dev.tenantry.authz.BuiltInRoles.*;

import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.shared.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The mapping of DESIGN §4 and seed 002, as a pure plan. MSP users are scoped @OWNER (legacy MSP
 * users saw every tenant); tenant users @USERS_TENANT (legacy tenant users saw their own tenant
 * only). Each legacy preference adds the built-in role named in seed 002 to the user types it used
 * to affect, at the user's base scope.
 */
public final class LegacyImport {
  private LegacyImport() {}

  public enum LegacyType {
    MSP_ADMIN,
    MSP_NON_ADMIN,
    TENANT_ADMIN,
    TENANT_NON_ADMIN
  }

  public record LegacyUser(
      @Nullable UUID userId,
      @Nullable LegacyType legacyType,
      @Nullable Boolean canManageCrossTenantDeployments) {}

  public record Preferences(
      boolean allowNonAdminsToManageDeployments,
      boolean allowNonAdminsTerminalAndScripts,
      boolean requireChangeRequestsForCrossTenantDeployments) {}

  public record Request(@Nullable List<LegacyUser> users, @Nullable Preferences preferences) {}

  public record Entry(
      UUID userId,
      UUID roleId,
      String roleName,
      ScopeDto scope,
      @Nullable UUID assignmentId,
      @Nullable String reason) {}

  public record Report(List<Entry> created, List<Entry> skipped) {}

  public record Planned(
      UUID userId, RoleDefinition role, Scope scope, @Nullable String skipReason) {
    public Entry entry(@Nullable UUID assignmentId, @Nullable String reason) {
      return new Entry(userId, role.id(), role.name(), ScopeDto.of(scope), assignmentId, reason);
    }
  }

  public static List<Planned> plan(Request r, Predicate<UUID> userExists) {
    if (r.users() == null) {
      throw ApiException.invalid("users is required");
    }
    Preferences prefs =
        r.preferences() == null ? new Preferences(false, false, false) : r.preferences();
    List<Planned> out = new ArrayList<>();
    for (LegacyUser u : r.users()) {
      if (u.userId() == null || u.legacyType() == null) {
        throw ApiException.invalid("every user needs userId and legacyType");
      }
      if (!userExists.test(u.userId())) {
        throw ApiException.invalid("User " + u.userId() + " does not exist; nothing was imported");
      }
      boolean msp =
          u.legacyType() == LegacyType.MSP_ADMIN || u.legacyType() == LegacyType.MSP_NON_ADMIN;
      Scope scope = msp ? Scope.owner() : Scope.usersTenant();
      UUID id = u.userId();
      out.add(
          new Planned(
              id,
              switch (u.legacyType()) {
                case MSP_ADMIN -> SYSTEM_ADMINISTRATOR_LEGACY;
                case MSP_NON_ADMIN -> SYSTEM_USER_LEGACY;
                case TENANT_ADMIN -> ADMINISTRATOR_LEGACY;
                case TENANT_NON_ADMIN -> USER_LEGACY;
              },
              scope,
              null));
      boolean nonAdmin =
          u.legacyType() == LegacyType.MSP_NON_ADMIN
              || u.legacyType() == LegacyType.TENANT_NON_ADMIN;
      if (prefs.allowNonAdminsToManageDeployments() && nonAdmin) {
        out.add(new Planned(id, DEPLOYMENT_MANAGER, scope, null));
      }
      if (prefs.allowNonAdminsTerminalAndScripts() && u.legacyType() != LegacyType.MSP_ADMIN) {
        out.add(new Planned(id, SCRIPT_MANAGER, scope, null));
        out.add(new Planned(id, COMPUTER_TERMINAL_USER, scope, null));
      }
      if (prefs.requireChangeRequestsForCrossTenantDeployments()
          && u.legacyType() == LegacyType.MSP_NON_ADMIN) {
        out.add(new Planned(id, CROSS_TENANT_DEPLOYMENT_CHANGE_REQUESTER, scope, null));
      }
      if (Boolean.TRUE.equals(u.canManageCrossTenantDeployments())) {
        out.add(
            new Planned(
                id,
                CROSS_TENANT_DEPLOYMENT_MANAGER,
                Scope.owner(),
                switch (u.legacyType()) {
                  case MSP_NON_ADMIN -> null;
                  case MSP_ADMIN ->
                      "MSP admins already manage cross-tenant deployments (System Administrator (Legacy))";
                  default ->
                      "cross-tenant deployments are MSP-only; the legacy flag had no effect for tenant users";
                }));
      }
    }
    return out;
  }
}
