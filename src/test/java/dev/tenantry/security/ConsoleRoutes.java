package dev.tenantry.security;

import static dev.tenantry.security.ConsoleRoutes.Kind.FORM;
import static dev.tenantry.security.ConsoleRoutes.Kind.FRAGMENT;
import static dev.tenantry.security.ConsoleRoutes.Kind.PAGE;
import static dev.tenantry.security.ConsoleRoutes.Kind.PICKER;
import static dev.tenantry.security.ConsoleRoutes.Kind.PUBLIC;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every console route (outside {@code /api/}) and what it is, for {@link ConsoleRouteMatrixTest}. A
 * new console route goes here (one line, in order); a new picker also needs its objects in {@link
 * PickerFixtures}.
 */
final class ConsoleRoutes {
  /** What a console route is, and so what a signed-out or unentitled caller must get. */
  enum Kind {
    /** A full page: signed out → sent to sign-in. */
    PAGE,
    /** An htmx fragment or a small answer of a page: signed out → sent to sign-in. */
    FRAGMENT,
    /**
     * A search-as-you-type picker ({@code /pickers/{kind}}): signed out → sent to sign-in; signed
     * in → only objects of tenants the caller may view.
     */
    PICKER,
    /** A form post: signed out → refused (CSRF) or sent to sign-in; never applied. */
    FORM,
    /** Meant for everyone (sign-out page, errors, the API's description). */
    PUBLIC
  }

  static final Map<String, Kind> ROUTES =
      Map.ofEntries(
          Map.entry("ANY /error", PUBLIC),
          Map.entry("GET /", PAGE),
          Map.entry("GET /access-changes/{digest}/rows", FRAGMENT),
          Map.entry("GET /access-changes/{digest}/summary", FRAGMENT),
          Map.entry("GET /access/request", PAGE),
          Map.entry("GET /audit", PAGE),
          Map.entry("GET /change-requests", PAGE),
          Map.entry("GET /change-requests/{id}", PAGE),
          Map.entry("GET /change-requests/{id}/edit", PAGE),
          Map.entry("GET /computers", PAGE),
          Map.entry("GET /computers/{id}", PAGE),
          Map.entry("GET /computers/{id}/deployments", PAGE),
          Map.entry("GET /computers/{id}/history", FRAGMENT),
          Map.entry("GET /computers/{id}/maintenance", PAGE),
          Map.entry("GET /computers/{id}/maintenance/status", FRAGMENT),
          Map.entry("GET /computers/{id}/terminal", PAGE),
          Map.entry("GET /computers/{id}/terminal/section", FRAGMENT),
          Map.entry("GET /deployments", PAGE),
          Map.entry("GET /deployments/new", PAGE),
          Map.entry("GET /deployments/versions", FRAGMENT),
          Map.entry("GET /deployments/{id}", PAGE),
          Map.entry("GET /library", PAGE),
          Map.entry("GET /library/licenses/new", PAGE),
          Map.entry("GET /library/licenses/{id}", PAGE),
          Map.entry("GET /library/licenses/{id}/secret", FRAGMENT),
          Map.entry("GET /library/media/new", PAGE),
          Map.entry("GET /library/media/{id}", PAGE),
          Map.entry("GET /library/runs/{id}", PAGE),
          Map.entry("GET /library/runs/{id}/output", FRAGMENT),
          Map.entry("GET /library/scripts/new", PAGE),
          Map.entry("GET /library/scripts/{id}", PAGE),
          Map.entry("GET /library/scripts/{id}/diff", PAGE),
          Map.entry("GET /library/software/new", PAGE),
          Map.entry("GET /library/software/{id}", PAGE),
          Map.entry("GET /library/software/{id}/icon", FRAGMENT),
          Map.entry("GET /library/tasks/new", PAGE),
          Map.entry("GET /library/tasks/{id}", PAGE),
          Map.entry("GET /library/{kind}/{id}/history", PAGE),
          Map.entry("GET /maintenance-sessions", PAGE),
          Map.entry("GET /maintenance-sessions/{id}", PAGE),
          Map.entry("GET /maintenance-sessions/{id}/log", FRAGMENT),
          Map.entry("GET /people", PAGE),
          Map.entry("GET /people/{id}", PAGE),
          Map.entry("GET /pickers/computers", PICKER),
          Map.entry("GET /pickers/deployables", PICKER),
          Map.entry("GET /pickers/groups", PICKER),
          Map.entry("GET /pickers/msps", PICKER),
          Map.entry("GET /pickers/promotable-people", PICKER),
          Map.entry("GET /pickers/roles", PICKER),
          Map.entry("GET /pickers/scripts", PICKER),
          Map.entry("GET /pickers/software", PICKER),
          Map.entry("GET /pickers/tags", PICKER),
          Map.entry("GET /pickers/tenants", PICKER),
          Map.entry("GET /pickers/users", PICKER),
          Map.entry("GET /pickers/{kind:scripts|software|tasks|media|licenses}-owners", PICKER),
          Map.entry("GET /profile", PAGE),
          Map.entry("GET /profile/sets/{setId}/tenants", FRAGMENT),
          Map.entry("GET /schedules", PAGE),
          Map.entry("GET /schedules/new", PAGE),
          Map.entry("GET /schedules/next-runs", FRAGMENT),
          Map.entry("GET /schedules/{id}", PAGE),
          Map.entry("GET /signed-out", PUBLIC),
          Map.entry("GET /swagger-ui.html", PUBLIC),
          Map.entry("GET /tenants", PAGE),
          Map.entry("GET /tenants/import", PAGE),
          Map.entry("GET /tenants/tree", FRAGMENT),
          Map.entry("GET /tenants/{id}", PAGE),
          Map.entry("GET /tenants/{id}/azure", PAGE),
          Map.entry("GET /tenants/{id}/children", FRAGMENT),
          Map.entry("GET /tenants/{id}/schedules", PAGE),
          Map.entry("GET /users-roles", PAGE),
          Map.entry("GET /users-roles/access-requests", PAGE),
          Map.entry("GET /users-roles/assignments", PAGE),
          Map.entry("GET /users-roles/groups", PAGE),
          Map.entry("GET /users-roles/groups/{id}", PAGE),
          Map.entry("GET /users-roles/roles", PAGE),
          Map.entry("GET /users-roles/roles/new", PAGE),
          Map.entry("GET /users-roles/roles/{id}", PAGE),
          Map.entry("GET /users-roles/users", PAGE),
          Map.entry("GET /users/{id}", PAGE),
          Map.entry("GET /users/{id}/assignments", PAGE),
          Map.entry("GET /users/{id}/check-access", PAGE),
          Map.entry("GET /v3/api-docs", PUBLIC),
          Map.entry("GET /v3/api-docs.yaml", PAGE),
          Map.entry("GET /v3/api-docs/swagger-config", PUBLIC),
          Map.entry("POST /access/request", FORM),
          Map.entry("POST /change-requests/{id}/approve", FORM),
          Map.entry("POST /change-requests/{id}/comments", FORM),
          Map.entry("POST /change-requests/{id}/deny", FORM),
          Map.entry("POST /change-requests/{id}/edit", FORM),
          Map.entry("POST /change-requests/{id}/require-changes", FORM),
          Map.entry("POST /change-requests/{id}/withdraw", FORM),
          Map.entry("POST /computers/change-tenant", FORM),
          Map.entry("POST /computers/{id}/maintenance", FORM),
          Map.entry("POST /computers/{id}/terminal", FORM),
          Map.entry("POST /deployments", FORM),
          Map.entry("POST /deployments/preview", FORM),
          Map.entry("POST /deployments/{id}", FORM),
          Map.entry("POST /deployments/{id}/delete", FORM),
          Map.entry("POST /impersonation/stop", FORM),
          Map.entry("POST /library/licenses", FORM),
          Map.entry("POST /library/licenses/{id}", FORM),
          Map.entry("POST /library/media", FORM),
          Map.entry("POST /library/media/{id}/content", FORM),
          Map.entry("POST /library/scripts", FORM),
          Map.entry("POST /library/scripts/{id}", FORM),
          Map.entry("POST /library/software", FORM),
          Map.entry("POST /library/software/{id}", FORM),
          Map.entry("POST /library/software/{id}/icon", FORM),
          Map.entry("POST /library/software/{id}/versions", FORM),
          Map.entry("POST /library/software/{id}/versions/{versionId}/adopt", FORM),
          Map.entry("POST /library/software/{id}/versions/{versionId}/installer", FORM),
          Map.entry("POST /library/tasks", FORM),
          Map.entry("POST /library/tasks/{id}", FORM),
          Map.entry("POST /library/tasks/{id}/adopt", FORM),
          Map.entry(
              "POST /library/{kind:scripts|software|tasks|media|licenses}/{id}/ownership", FORM),
          Map.entry("POST /maintenance-sessions/batch", FORM),
          Map.entry("POST /maintenance-sessions/{id}/cancel", FORM),
          Map.entry("POST /people/{id}", FORM),
          Map.entry("POST /people/{id}/tags", FORM),
          Map.entry("POST /role-assignments", FORM),
          Map.entry("POST /role-assignments/{id}/delete", FORM),
          Map.entry("POST /schedules/new", FORM),
          Map.entry("POST /schedules/{id}", FORM),
          Map.entry("POST /schedules/{id}/delete", FORM),
          Map.entry("POST /schedules/{id}/run", FORM),
          Map.entry("POST /tenants", FORM),
          Map.entry("POST /tenants/import/csv", FORM),
          Map.entry("POST /tenants/import/gdap", FORM),
          Map.entry("POST /tenants/{id}", FORM),
          Map.entry("POST /tenants/{id}/active", FORM),
          Map.entry("POST /tenants/{id}/azure/domains", FORM),
          Map.entry("POST /tenants/{id}/azure/sync", FORM),
          Map.entry("POST /tenants/{id}/delete", FORM),
          Map.entry("POST /tenants/{id}/merge", FORM),
          Map.entry("POST /tenants/{id}/preferences", FORM),
          Map.entry("POST /tenants/{id}/tags", FORM),
          Map.entry("POST /users-roles/access-requests/{id}/approve", FORM),
          Map.entry("POST /users-roles/access-requests/{id}/deny", FORM),
          Map.entry("POST /users-roles/groups", FORM),
          Map.entry("POST /users-roles/groups/{id}", FORM),
          Map.entry("POST /users-roles/groups/{id}/delete", FORM),
          Map.entry("POST /users-roles/groups/{id}/members", FORM),
          Map.entry("POST /users-roles/roles", FORM),
          Map.entry("POST /users-roles/roles/templates/{key}", FORM),
          Map.entry("POST /users-roles/roles/{id}/clone", FORM),
          Map.entry("POST /users-roles/roles/{id}/delete", FORM),
          Map.entry("POST /users-roles/users/manual", FORM),
          Map.entry("POST /users-roles/users/promote", FORM),
          Map.entry("POST /users/{id}/access", FORM),
          Map.entry("POST /users/{id}/delete", FORM),
          Map.entry("POST /users/{id}/enabled", FORM),
          Map.entry("POST /users/{id}/impersonate", FORM));

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)\\}");

  /** The pattern with each path variable filled with a sample value. */
  static String sample(String pattern) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String variable = m.group(1);
      String value =
          variable.contains(":") // {name:a|b}: the first alternative
              ? variable.substring(variable.indexOf(':') + 1).split("\\|")[0]
              : switch (variable) {
                case "kind" -> "scripts";
                case "key" -> "read-only";
                default -> UUID.randomUUID().toString();
              };
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The concrete paths of a pattern whose variables are alternatives ({@code /pickers/{kind:a|b}-x}
   * → {@code /pickers/a-x}, {@code /pickers/b-x}); a pattern without them is itself.
   */
  static java.util.List<String> concrete(String pattern) {
    Matcher m = Pattern.compile("\\{[^}:]+:([^}]+)\\}").matcher(pattern);
    if (!m.find()) {
      return java.util.List.of(pattern);
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String alternative : m.group(1).split("\\|")) {
      out.addAll(
          concrete(pattern.substring(0, m.start()) + alternative + pattern.substring(m.end())));
    }
    return out;
  }

  private ConsoleRoutes() {}
}
