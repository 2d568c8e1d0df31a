package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console's own matrix (the API's is {@link AuthorizationMatrixTest}): every console handler
 * mapping (read from the application, everything outside {@code /api/}) is listed in {@link
 * ConsoleRoutes#ROUTES} with what it is, and an unlisted one fails. Each page and fragment sends a
 * signed-out visitor to sign-in, each form refuses one, and each picker answers a signed-in caller
 * with the objects of the tenants it may view — never those of a tenant it has no rights on.
 */
class ConsoleRouteMatrixTest extends IntegrationTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  /** "METHOD /pattern" of every console handler mapping. */
  private Set<String> consoleRoutes() {
    Set<String> out = new TreeSet<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                  continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                  out.add("ANY " + pattern);
                }
                methods.forEach(m -> out.add(m + " " + pattern));
              }
            });
    return out;
  }

  @Test
  void everyConsoleRouteIsListedWithWhatItIs() {
    Set<String> actual = consoleRoutes();
    Set<String> unlisted = new TreeSet<>(actual);
    unlisted.removeAll(ConsoleRoutes.ROUTES.keySet());
    Set<String> gone = new TreeSet<>(ConsoleRoutes.ROUTES.keySet());
    gone.removeAll(actual);
    assertThat(unlisted)
        .as(
            "console routes missing from ConsoleRoutes.ROUTES (add each with its kind; a picker"
                + " also needs a fixture in PickerFixtures)")
        .isEmpty();
    assertThat(gone).as("listed in ConsoleRoutes.ROUTES but no longer mapped").isEmpty();
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndFormsAreRefused() {
    ConsoleClient visitor = new ConsoleClient(port);
    List<String> wrong = new ArrayList<>();
    ConsoleRoutes.ROUTES.forEach(
        (route, kind) -> {
          String method = route.substring(0, route.indexOf(' '));
          String path = ConsoleRoutes.sample(route.substring(route.indexOf(' ') + 1));
          switch (kind) {
            case PAGE, FRAGMENT, PICKER -> {
              HttpResponse<String> r = visitor.get(path);
              if (!sentToSignIn(r)) {
                wrong.add(route + " → " + r.statusCode() + " " + location(r));
              }
            }
            case FORM -> {
              HttpResponse<String> r = visitor.send(method, path);
              boolean refused = r.statusCode() == 403 || sentToSignIn(r);
              if (!refused) {
                wrong.add(route + " → " + r.statusCode() + " " + location(r));
              }
            }
            case PUBLIC -> {
              if (method.equals("GET")) {
                HttpResponse<String> r = visitor.get(path);
                if (r.statusCode() >= 400 || sentToSignIn(r)) {
                  wrong.add(route + " (public) → " + r.statusCode() + " " + location(r));
                }
              }
            }
          }
        });
    assertThat(wrong).as("signed-out requests not sent to sign-in / not refused").isEmpty();
  }

  @Test
  void pickersOfferObjectsOfViewableTenantsAndNeverOfATenantWithoutRights() {
    String marker = "Mx" + UUID.randomUUID().toString().substring(0, 8);
    UUID msp = testUsers.mspTenant();
    UUID own = testUsers.tenant("Own" + marker, msp, false);
    UUID hidden = testUsers.tenant("Hidden" + marker, msp, false);
    UUID visible = testUsers.tenant("Visible" + marker, own, false);
    PickerFixtures fx = new PickerFixtures(testUsers, jdbc);
    Map<String, List<UUID>> hiddenIds = fx.seed(hidden, "Hidden" + marker);
    fx.seed(visible, "Visible" + marker);
    TestUser caller =
        testUsers.user(
            own,
            Grant.allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.tenant(own, true)));
    ConsoleClient console = ConsoleClient.signedIn(port, caller.oid());

    Map<String, String> wrong = new TreeMap<>();
    ConsoleRoutes.ROUTES.forEach(
        (route, kind) -> {
          if (kind != ConsoleRoutes.Kind.PICKER) {
            return;
          }
          for (String path : ConsoleRoutes.concrete(route.substring(route.indexOf(' ') + 1))) {
            String picker = PickerFixtures.key(path.substring(path.lastIndexOf('/') + 1));
            if (!hiddenIds.containsKey(picker)) {
              wrong.put(path, "no fixture in PickerFixtures.seed");
              continue;
            }
            HttpResponse<String> r = console.get(path + "?q=" + marker);
            String body = r.body();
            if (r.statusCode() != 200) {
              wrong.put(path, "status " + r.statusCode());
            } else if (!body.contains("Visible" + marker)) {
              wrong.put(path, "does not offer the object of a tenant the caller may view: " + body);
            } else if (!PickerFixtures.CATALOGUES.contains(picker)
                && (body.contains("Hidden" + marker)
                    || hiddenIds.get(picker).stream()
                        .anyMatch(id -> body.contains(id.toString())))) {
              wrong.put(path, "offers an object of a tenant the caller has no rights on: " + body);
            }
          }
        });
    assertThat(wrong).isEmpty();
  }

  private static boolean sentToSignIn(HttpResponse<String> r) {
    return r.statusCode() / 100 == 3 && location(r).contains("/oauth2/authorization/");
  }

  private static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElse("");
  }
}
