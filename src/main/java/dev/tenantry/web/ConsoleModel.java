package dev.tenantry.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.identity.ConsoleIdentity;
import dev.tenantry.shared.web.ConsoleHeaderData;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header of every console page: instance name, who is signed in, badge, impersonation. */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModel {
  static final String PRODUCT = "Tenantry";
  private final ConsoleIdentity identity;
  private final Tenants tenants;
  private final Authorizer authorizer;
  private final ConsoleHeaderData headerData;

  ConsoleModel(
      ConsoleIdentity identity,
      Tenants tenants,
      Authorizer authorizer,
      ConsoleHeaderData headerData) {
    this.identity = identity;
    this.tenants = tenants;
    this.authorizer = authorizer;
    this.headerData = headerData;
  }

  @ModelAttribute("nav")
  ConsoleNav nav() {
    return ConsoleNav.of(authorizer);
  }

  @ModelAttribute("header")
  ConsoleIdentity.@Nullable Header header() {
    return identity.header().orElse(null);
  }

  /**
   * The instance MSP's name only for a user who may view that tenant; everyone else (another MSP's
   * customers, identities without a user) sees the product name. Remembered per caller, policy
   * revision and console data version ({@link ConsoleHeaderData}).
   */
  @ModelAttribute("instanceName")
  String instanceName() {
    return headerData.get("instanceName", authorizer.revision(), this::computeInstanceName);
  }

  private String computeInstanceName() {
    UUID msp = tenants.instanceMspId();
    boolean visible =
        authorizer.isSignedInUser()
            && authorizer.check(Permission.TENANTS_VIEW, Target.tenant(msp)).allowed();
    return visible
        ? tenants.names(java.util.List.of(msp), 0, 1).getOrDefault(msp, PRODUCT)
        : PRODUCT;
  }
}
