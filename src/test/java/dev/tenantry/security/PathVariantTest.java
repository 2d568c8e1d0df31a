package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Requires;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Kind;
import dev.tenantry.security.MatrixRecipes.Who;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.SpringSecurityCoreVersion;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Path tricks against every API route (from the handler mappings): a trailing slash, a doubled
 * slash, an encoded slash, a {@code ;jsessionid} path parameter, an upper-cased path, HEAD and
 * OPTIONS — as an anonymous caller and as a user without any right. None may answer 2xx where the
 * plain request is refused, and none may show an object's id.
 */
class PathVariantTest extends IntegrationTest {
  private static final Pattern UUID_RE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * Routes that answer a signed-in user without rights (their own data, or a list filtered to
   * nothing).
   */
  private static final Set<Requires.On> OPEN_TO_ANY_USER =
      Set.of(
          Requires.On.SELF,
          Requires.On.SIGNED_IN_IDENTITY,
          Requires.On.PUBLIC,
          Requires.On.LIST,
          Requires.On.AUDIT);

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired Authorizer authorizer;

  @Test
  void springSecurityHasTheFixForCve2026_22753() {
    String version = SpringSecurityCoreVersion.getVersion();
    assertThat(version).as("spring-security-core on the classpath").isNotNull();
    assertThat(compare(version, "7.0.5"))
        .as("Spring Security %s must be >= 7.0.5 (CVE-2026-22753)", version)
        .isGreaterThanOrEqualTo(0);
  }

  @Test
  void noPathVariantGetsPastAuthorization() {
    UUID own = testUsers.clientTenant("variants");
    TestUsers.TestUser nobody = testUsers.user(own);
    MatrixRecipes recipes =
        new MatrixRecipes(new MatrixFixtures(testUsers, jdbc), authorizer, () -> {});
    List<Who> callers =
        List.of(
            new Who("anonymous", Kind.ANONYMOUS, this::anonymous, null),
            new Who("user without rights", Kind.ROLE, nobody::http, nobody.id()));
    List<String> problems = new ArrayList<>();
    int requests = 0;
    for (ApiRoutes.Route route : ApiRoutes.of(mapping)) {
      MatrixRecipes.Recipe recipe = recipes.all.get(route.key());
      assertThat(recipe).as("recipe for %s", route.key()).isNotNull();
      Requires.On on = route.requires() == null ? Requires.On.SYSTEM : route.requires().on();
      for (Who who : callers) {
        Case c = recipe.make(own, who);
        String path = c.call().path();
        Set<String> ids = new java.util.HashSet<>();
        UUID_RE.matcher(path + " " + c.call().body()).results().forEach(m -> ids.add(m.group()));
        List<String[]> variants =
            new ArrayList<>(
                List.of(
                    new String[] {c.call().method(), path + "/"},
                    new String[] {c.call().method(), path.replaceFirst("/api/v1/", "/api//v1/")},
                    new String[] {c.call().method(), path.replaceFirst("/api/v1/", "/api%2Fv1/")},
                    new String[] {c.call().method(), path + ";jsessionid=x"},
                    new String[] {c.call().method(), path.toUpperCase(Locale.ROOT)}));
        if (route.method().equals("GET")) {
          variants.add(new String[] {"HEAD", path});
        }
        variants.add(new String[] {"OPTIONS", path});
        for (String[] v : variants) {
          Http.Response r =
              who.http()
                  .get()
                  .send(
                      v[0],
                      v[1],
                      v[0].equals("HEAD") || v[0].equals("OPTIONS") ? null : c.call().body());
          requests++;
          boolean ok2xx = r.status() >= 200 && r.status() < 300;
          String where = route.key() + " | " + who.name() + " | " + v[0] + " " + v[1];
          if (r.status() >= 500) {
            problems.add(where + ": server error " + r);
          }
          // an error that echoes the request's own path ("path", "instance", "No static resource
          // …") shows the
          // caller nothing new; any other appearance of an object's id is data
          for (String id : ids) {
            boolean echoed = !ok2xx && v[1].contains(id);
            if (!echoed && r.raw().contains(id)) {
              problems.add(
                  where + ": shows " + id + " — " + AuthorizationMatrixTest.abbreviate(r.raw()));
            }
          }
          if (!ok2xx) {
            continue;
          }
          boolean mayAnswer =
              who.kind() != Kind.ANONYMOUS && OPEN_TO_ANY_USER.contains(on)
                  || v[0].equals("OPTIONS") && r.raw().isBlank() && who.kind() != Kind.ANONYMOUS;
          if (!mayAnswer) {
            problems.add(
                where
                    + ": unauthorized "
                    + r.status()
                    + " "
                    + AuthorizationMatrixTest.abbreviate(r.raw()));
          }
        }
      }
    }
    System.out.printf("Path variants: %d requests%n", requests);
    assertThat(problems).as("path variants that got past authorization").isEmpty();
  }

  static int compare(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < 3; i++) {
      int d = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }
}
