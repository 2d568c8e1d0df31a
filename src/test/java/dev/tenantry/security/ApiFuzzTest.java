package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.security.FuzzInputs.Request;
import dev.tenantry.security.MatrixRecipes.Kind;
import dev.tenantry.security.MatrixRecipes.Who;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestOidc;
import dev.tenantry.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * Hostile input against every route of the OpenAPI document ({@code /v3/api-docs}): each route's
 * valid request (from {@link MatrixRecipes}, as an instance administrator so that input reaches the
 * deepest checks) is sent again with one thing broken at a time — malformed, oversized,
 * wrongly-typed, out-of-range, NUL and odd-Unicode bodies, fields, path variables and query
 * parameters ({@link FuzzInputs}). Every answer must be below 500; every 4xx must be RFC 9457
 * problem details with the stable fields and no Java internals, and must have written nothing (a
 * row count and newest-row-version snapshot of every table, plus the audit invariant filter).
 */
class ApiFuzzTest extends IntegrationTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired Authorizer authorizer;

  @Test
  void everyRouteOfTheOpenApiDocumentSurvivesHostileInputWithoutA5xxOrAWrite() {
    JsonNode doc = anonymous().get("/v3/api-docs").json();
    TestUsers.TestUser admin = testUsers.mspAdmin();
    String token = TestOidc.token(admin.tid(), admin.oid(), "fuzz@example.com");
    Who who = new Who("instance admin", Kind.ROLE, admin::http, admin.id());
    MatrixRecipes recipes =
        new MatrixRecipes(new MatrixFixtures(testUsers, jdbc), authorizer, () -> {});
    UUID tenant = testUsers.clientTenant("fuzz");
    TableSnapshot tables = new TableSnapshot(jdbc);

    Set<String> documented = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    int cases = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").properties().iterator();
        paths.hasNext(); ) {
      var path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (var op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        String route = method + " " + path.getKey();
        documented.add(route);
        MatrixRecipes.Recipe recipe = recipes.all.get(route);
        if (recipe == null) {
          problems.add(route + ": in the OpenAPI document but without a recipe");
          continue;
        }
        MatrixRecipes.Case valid = recipe.make(tenant, who);
        String before = tables.take();
        for (Request r : FuzzInputs.of(valid.call(), path.getKey(), op.getValue(), doc)) {
          Http.Response response = send(token, r);
          cases++;
          statuses.merge(response.status() / 100 + "xx", 1, Integer::sum);
          String where = route + " [" + r.what() + "]";
          // a GET writes nothing by contract; the audit invariant filter still watches it
          String after = r.method().equals("GET") ? before : tables.take();
          if (response.status() >= 500) {
            problems.add(where + ": " + response.status() + " " + abbreviate(response.raw()));
          } else if (response.status() >= 400) {
            String shape = problemShape(response);
            if (shape != null) {
              problems.add(where + ": " + shape + " — " + abbreviate(response.raw()));
            }
            if (!after.equals(before)) {
              problems.add(
                  where + ": answered " + response.status() + " but wrote " + diff(before, after));
            }
          } else {
            // accepted: the recipe's objects may be gone; start again from a fresh valid request
            valid.after().run();
            valid = recipe.make(tenant, who);
            after = tables.take();
          }
          before = after;
        }
      }
    }
    for (ApiRoutes.Route route : ApiRoutes.of(mapping)) {
      if (!documented.contains(route.key())) {
        problems.add(route.key() + ": missing from the OpenAPI document");
      }
    }
    System.out.printf(
        "API fuzz: %d routes, %d cases, statuses %s, %d problems%n",
        documented.size(), cases, statuses, problems.size());
    AuthorizationMatrixTest.writeReport(problems);
    assertThat(cases).as("cases run").isGreaterThan(2_000);
    assertThat(problems).as("hostile input answered badly (route [case])").isEmpty();
  }

  /** What is wrong with a 4xx's body, or null when it is proper problem details. */
  private static String problemShape(Http.Response r) {
    String type = r.header("Content-Type");
    if (type == null || !type.startsWith("application/problem+json")) {
      return "not application/problem+json but " + type;
    }
    JsonNode j;
    try {
      j = r.json();
    } catch (RuntimeException e) {
      return "unparseable problem";
    }
    for (String field : List.of("type", "title", "code", "detail")) {
      if (!j.path(field).isString() || j.path(field).asString().isBlank()) {
        return "no " + field;
      }
    }
    if (j.path("status").asInt() != r.status()) {
      return "status field " + j.path("status") + " differs";
    }
    String raw = r.raw();
    for (String internal :
        List.of("java.", "dev.tenantry", "tools.jackson", "springframework", "Exception", "SQL")) {
      if (raw.contains(internal)) {
        return "names internals (" + internal + ")";
      }
    }
    return null;
  }

  private Http.Response send(String token, Request r) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + r.pathAndQuery()))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json, application/problem+json")
            .method(
                r.method(),
                r.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(r.body()));
    if (r.body() != null) {
      b.header("Content-Type", r.contentType());
    }
    try {
      HttpResponse<String> resp = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Response(resp.statusCode(), resp.headers().map(), resp.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(r.what(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String diff(String before, String after) {
    Map<String, String> a = new LinkedHashMap<>();
    for (String t : before.split(";")) {
      a.put(t.split("=")[0], t);
    }
    List<String> changed = new ArrayList<>();
    for (String t : after.split(";")) {
      if (!t.equals(a.get(t.split("=")[0]))) {
        changed.add(t);
      }
    }
    return changed.toString();
  }

  private static String abbreviate(String s) {
    return AuthorizationMatrixTest.abbreviate(s);
  }
}
