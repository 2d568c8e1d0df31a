package dev.tenantry.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.changes.ChangeRequestQueries;
import dev.tenantry.identity.ConsoleIdentity;
import dev.tenantry.shared.web.ConsoleHeaderData;
import dev.tenantry.shared.web.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header of every console page: instance name, main menu with the change-request badge, who is
 * signed in, impersonation. One model method (Spring builds each advice method anew per request);
 * the brand and menu are inserted as HTML built once per distinct inputs ({@link TopNav}).
 */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModel {
  static final String PRODUCT = "Tenantry";
  private final ConsoleIdentity identity;
  private final dev.tenantry.tenancy.Tenants tenants;
  private final Authorizer authorizer;
  private final ConsoleHeaderData headerData;
  private final ChangeRequestQueries changeRequests;

  ConsoleModel(
      ConsoleIdentity identity,
      dev.tenantry.tenancy.Tenants tenants,
      Authorizer authorizer,
      ConsoleHeaderData headerData,
      ChangeRequestQueries changeRequests) {
    this.identity = identity;
    this.tenants = tenants;
    this.authorizer = authorizer;
    this.headerData = headerData;
    this.changeRequests = changeRequests;
  }

  /**
   * The page frame as HTML ({@code chrome}, {@link ConsoleChrome}: brand, menu, who is signed in
   * and the CSRF token's places — all the layout needs) and {@code header} (who is signed in, for
   * pages that compare it with what they list).
   */
  @ModelAttribute
  void console(Model model, HttpServletRequest request, HttpServletResponse response) {
    ConsoleIdentity.Header header = header();
    model.addAttribute("header", header);
    String topNav = topNav(request, header, instanceName(), nav());
    model.addAttribute("chrome", new ConsoleChrome(request, response, topNav, header));
  }

  /**
   * Which menu entries to show (some fifteen engine questions: remembered like {@link
   * #instanceName}; what a page lets the caller do is decided afresh on each request).
   */
  ConsoleNav nav() {
    return authorizer.isSignedInUser()
        ? headerData.get("nav", authorizer.revision(), () -> ConsoleNav.of(authorizer))
        : ConsoleNav.of(authorizer);
  }

  ConsoleIdentity.@Nullable Header header() {
    return identity.header().orElse(null);
  }

  /**
   * The instance MSP's name only for a user who may view that tenant; everyone else (another MSP's
   * customers, identities without a user) sees the product name. Remembered per caller, policy
   * revision and console data version ({@link ConsoleHeaderData}).
   */
  String instanceName() {
    return headerData.get("instanceName", authorizer.revision(), this::computeInstanceName);
  }

  /** The brand link and main menu as HTML (the badge counts what the caller may approve). */
  String topNav(
      HttpServletRequest request,
      ConsoleIdentity.@Nullable Header header,
      String instanceName,
      ConsoleNav nav) {
    boolean withUser = header != null && header.userId() != null;
    Waiting waiting = withUser ? waitingChangeRequests() : new Waiting(false, 0);
    return new TopNav(
            request.getContextPath(), instanceName, withUser, nav, waiting.shown(), waiting.count())
        .html();
  }

  /** Whether the change-request entry is shown, and its badge count (0: no badge). */
  private record Waiting(boolean shown, long count) {}

  /**
   * Shown to users who may view, file or approve change requests anywhere; the badge counts the
   * waiting requests the user may decide (asked only of users who approve somewhere). Remembered
   * like {@link #instanceName}.
   */
  private Waiting waitingChangeRequests() {
    return headerData.get(
        "changeRequestsNav",
        authorizer.revision(),
        () -> {
          if (!authorizer.isSignedInUser()) {
            return new Waiting(false, 0);
          }
          boolean approves = authorizer.holdsAnywhere(Permission.CHANGE_REQUESTS_APPROVE);
          boolean shown =
              approves
                  || authorizer.holdsAnywhere(Permission.CHANGE_REQUESTS_VIEW)
                  || authorizer.holdsAnywhere(Permission.CHANGE_REQUESTS_CREATE);
          return new Waiting(shown, approves ? changeRequests.waitingForMyApproval() : 0);
        });
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
