package dev.tenantry.security;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.security.MatrixRecipes.always;
import static dev.tenantry.security.MatrixRecipes.of;
import static dev.tenantry.security.MatrixRecipes.t;

import dev.tenantry.security.MatrixRecipes.Outcome;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The change-request routes in the authorization matrix (issue 12): requests on the target tenant,
 * written with SQL, of the test-only kind {@code test.tag-description} (its applier wants {@code
 * computers:manage} on the tenant from the approver). Decisions and comments are made on requests
 * by someone else; edits and withdrawals by the caller on their own request.
 */
final class ChangeRequestRecipes {
  private static final String BASE = "/api/v1/change-requests";
  private final MatrixRecipes m;
  private final MatrixFixtures fx;

  ChangeRequestRecipes(MatrixRecipes m, MatrixFixtures fx) {
    this.m = m;
    this.fx = fx;
    m.add("GET " + BASE, (t, w) -> of("GET", BASE, null, always(Outcome.ALLOW)));
    m.add(
        "GET " + BASE + "/open-count",
        (t, w) -> of("GET", BASE + "/open-count", null, always(Outcome.ALLOW)));
    m.add(
        "GET " + BASE + "/{id}",
        (t, w) ->
            of(
                "GET",
                BASE + "/" + request(t, null),
                null,
                u -> m.chk(u).view(CHANGE_REQUESTS_VIEW, t(t)).get()));
    m.add(
        "GET " + BASE + "/{id}/comments",
        (t, w) ->
            of(
                "GET",
                BASE + "/" + request(t, null) + "/comments",
                null,
                u -> m.chk(u).view(CHANGE_REQUESTS_VIEW, t(t)).get()));
    m.add(
        "POST " + BASE + "/{id}/comments",
        (t, w) ->
            of(
                "POST",
                BASE + "/" + request(t, null) + "/comments",
                Map.of("body", "Looks right to me"),
                u -> decider(u, t).get()));
    m.add(
        "POST " + BASE + "/{id}/approve",
        (t, w) ->
            of(
                "POST",
                BASE + "/" + request(t, null) + "/approve",
                Map.of("version", 0, "reason", "ok"),
                u -> decider(u, t).need(COMPUTERS_MANAGE, t(t)).get()));
    for (String action : new String[] {"deny", "require-changes"}) {
      m.add(
          "POST " + BASE + "/{id}/" + action,
          (t, w) ->
              of(
                  "POST",
                  BASE + "/" + request(t, null) + "/" + action,
                  Map.of("version", 0, "reason", "not now"),
                  u -> decider(u, t).get()));
    }
    // the caller's own request: its author may always edit and withdraw it
    m.add(
        "PUT " + BASE + "/{id}",
        (t, w) ->
            of(
                "PUT",
                BASE + "/" + request(t, w.user()),
                Map.of("after", Map.of("description", "better"), "version", 0),
                always(Outcome.ALLOW)));
    m.add(
        "POST " + BASE + "/{id}/withdraw",
        (t, w) ->
            of(
                "POST",
                BASE + "/" + request(t, w.user()) + "/withdraw",
                Map.of("version", 0),
                always(Outcome.ALLOW)));
  }

  private MatrixRecipes.Chk decider(UUID u, UUID t) {
    return m.chk(u).view(CHANGE_REQUESTS_VIEW, t(t)).need(CHANGE_REQUESTS_APPROVE, t(t));
  }

  /**
   * A waiting request on tenant t to describe a fresh tag, by {@code author} (else someone else).
   */
  private UUID request(UUID tenant, @Nullable UUID author) {
    UUID tag = fx.tag();
    UUID id = UUID.randomUUID();
    fx.users.write(
        () ->
            fx.jdbc()
                .sql(
                    "insert into change_request (id, kind, subject_id, tenant_id, summary,"
                        + " before_json, after_json, subject_version, author_user_id)"
                        + " values (?, 'test.tag-description', ?, ?, 'Describe a tag',"
                        + " '{\"description\":\"\"}', '{\"description\":\"described\"}', 0, ?)")
                .params(id, tag, tenant, author != null ? author : UUID.randomUUID())
                .update());
    return id;
  }
}
