package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The table of STYLE.md's Polaris anchor: every API operation mapped to the permissions it needs.
 * Read from the running application's handler mappings, so a route cannot be forgotten; {@code
 * docs/api-permissions.md} is generated from it and must be committed up to date.
 */
class ApiContractTest extends IntegrationTest {
  static final String REGENERATE = "mvn test -Dtest=ApiContractTest -Dregenerate=true";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void everyApiRouteDeclaresWhatItRequires() {
    List<String> undeclared =
        ApiRoutes.of(mapping).stream()
            .filter(r -> r.requires() == null)
            .map(r -> r.key() + " (" + r.handlerName() + ")")
            .toList();
    assertThat(undeclared).as("API routes without @Requires").isEmpty();
    assertThat(ApiRoutes.of(mapping)).hasSizeGreaterThan(70);
  }

  @Test
  void apiPermissionsDocIsUpToDate() throws Exception {
    Path file = Path.of("docs/api-permissions.md");
    String generated = doc(ApiRoutes.of(mapping));
    if (Boolean.getBoolean("regenerate")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as("%s is stale; regenerate with: %s", file, REGENERATE)
        .isEqualTo(generated);
  }

  static String doc(List<ApiRoutes.Route> routes) {
    StringBuilder b =
        new StringBuilder("# API operations and the permissions they need\n\n")
            .append(
                "Generated from the application's handler mappings and each handler's `@Requires`"
                    + " (`dev.tenantry.authz.Requires`) by `ApiContractTest`; do not edit. Regenerate with `")
            .append(REGENERATE)
            .append("`.\n\n")
            .append(
                "Targets: `TENANT`, `COMPUTER`, `PERSON`, `USER`, `ROLE`, `GROUP`, `ASSIGNMENT` — the permissions are"
                    + " checked on that object (its tenant); when the caller lacks the first (`*:view`) one the object answers"
                    + " 404 exactly like a missing one, otherwise a missing permission answers 403. `LIST`/`AUDIT` — the"
                    + " result is filtered in SQL to what the caller may view. `SYSTEM` — instance-wide. `SELF` — any"
                    + " signed-in user. `SIGNED_IN_IDENTITY` — any signed-in Entra identity, even without a user. `PUBLIC` —"
                    + " no sign-in. Anonymous callers get 401 on everything but `PUBLIC`. The matrix test"
                    + " (`AuthorizationMatrixTest`) proves each row for every built-in role.\n\n")
            .append(routes.size())
            .append(" routes.\n\n")
            .append("| route | handler | permissions | target | note |\n|---|---|---|---|---|\n");
    for (ApiRoutes.Route r : routes) {
      Requires q = r.requires();
      String perms =
          q == null
              ? "**undeclared**"
              : q.value().length == 0
                  ? "—"
                  : Arrays.stream(q.value())
                      .map(Permission::key)
                      .map(k -> "`" + k + "`")
                      .collect(Collectors.joining(", "));
      b.append("| `")
          .append(r.key())
          .append("` | ")
          .append(r.handlerName())
          .append(" | ")
          .append(perms)
          .append(" | ")
          .append(q == null ? "" : q.on().name())
          .append(" | ")
          .append(q == null ? "" : q.note().replace("|", "\\|"))
          .append(" |\n");
    }
    return b.toString();
  }
}
