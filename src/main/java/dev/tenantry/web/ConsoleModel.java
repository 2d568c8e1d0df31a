package dev.tenantry.web;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.identity.ConsoleIdentity;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header of every console page: instance name, who is signed in, badge, impersonation. */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModel {
  private final ConsoleIdentity identity;
  private final Tenants tenants;
  private final Authorizer authorizer;

  ConsoleModel(ConsoleIdentity identity, Tenants tenants, Authorizer authorizer) {
    this.identity = identity;
    this.tenants = tenants;
    this.authorizer = authorizer;
  }

  @ModelAttribute("nav")
  ConsoleNav nav() {
    return ConsoleNav.of(authorizer);
  }

  @ModelAttribute("header")
  ConsoleIdentity.@Nullable Header header() {
    return identity.header().orElse(null);
  }

  @ModelAttribute("instanceName")
  String instanceName() {
    return tenants.find(tenants.instanceMspId()).map(TenantView::name).orElse("Tenantry");
  }
}
