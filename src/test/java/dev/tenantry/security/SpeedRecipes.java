package dev.tenantry.security;

import dev.tenantry.security.MatrixRecipes.Call;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Outcome;
import dev.tenantry.security.MatrixRecipes.Recipe;
import java.util.Map;

/** Routes of issue 10 part B (request path and list speed). */
final class SpeedRecipes {
  private SpeedRecipes() {}

  static void register(Map<String, Recipe> all) {
    all.put(
        "GET /api/v1/auth/ping",
        (t, w) ->
            new Case(new Call("GET", "/api/v1/auth/ping", null), u -> Outcome.ALLOW, () -> {}));
  }
}
