package dev.tenantry.security;

import dev.tenantry.security.MatrixRecipes.Call;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Expect;
import dev.tenantry.security.MatrixRecipes.Outcome;
import dev.tenantry.security.MatrixRecipes.Recipe;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Routes of issue 10 part B (request path, sizes that do not grow). {@code userOf}: a user of the
 * target tenant; {@code usersView}: the expectation "users:view on the tenant, else 404".
 */
final class SpeedRecipes {
  /** A well-formed permission set id that no tenant has: an empty page for whoever may look. */
  static final String NO_SET = "0".repeat(32);

  private SpeedRecipes() {}

  static void register(
      Map<String, Recipe> all, Function<UUID, UUID> userOf, Function<UUID, Expect> usersView) {
    put(all, "GET /api/v1/auth/ping", (t, w) -> of("/api/v1/auth/ping", u -> Outcome.ALLOW));
    put(
        all,
        "GET /api/v1/me/effective-permissions/sets/{setId}/tenants",
        (t, w) ->
            of("/api/v1/me/effective-permissions/sets/" + NO_SET + "/tenants", u -> Outcome.ALLOW));
    put(
        all,
        "GET /api/v1/users/{id}/effective-permissions/sets/{setId}/tenants",
        (t, w) ->
            of(
                "/api/v1/users/"
                    + userOf.apply(t)
                    + "/effective-permissions/sets/"
                    + NO_SET
                    + "/tenants",
                usersView.apply(t)));
  }

  private static Case of(String path, Expect e) {
    return new Case(new Call("GET", path, null), e, () -> {});
  }

  private static void put(Map<String, Recipe> all, String route, Recipe r) {
    if (all.put(route, r) != null) {
      throw new IllegalStateException("two recipes for " + route);
    }
  }
}
