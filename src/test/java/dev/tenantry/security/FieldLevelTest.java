package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Kind;
import dev.tenantry.security.MatrixRecipes.Who;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Mass assignment: every write route (POST/PUT/PATCH with a JSON body, from the handler mappings)
 * gets its valid body plus, one at a time, each field a caller may not set. Each forged value is
 * unique, so afterwards the whole database is searched for it (every row of every table as text):
 * none may have landed anywhere. Ignoring (2xx) and refusing (400) are both fine;
 * target/field-level-report.md records which route does what (copied to docs/security-tests.md).
 */
class FieldLevelTest extends IntegrationTest {
  private static final List<String> TABLES =
      List.of(
          "tenant",
          "tag",
          "tenant_tag",
          "person",
          "computer",
          "computer_tag",
          "app_user",
          "role",
          "user_group",
          "group_member",
          "role_assignment",
          "access_request",
          "preference",
          "audit_event");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired Authorizer authorizer;

  @Test
  void noWriteRouteLetsTheCallerSetServerOwnedFields() throws Exception {
    UUID own = testUsers.clientTenant("fields");
    TestUsers.TestUser admin = testUsers.mspAdmin();
    Who who = new Who("MSP admin", Kind.ROLE, admin::http, admin.id());
    MatrixRecipes recipes =
        new MatrixRecipes(new MatrixFixtures(testUsers, jdbc), authorizer, () -> {});
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> forged =
        new LinkedHashMap<>(); // field -> a value unique to this run, searched for later
    Map<String, Object> values = new LinkedHashMap<>();
    for (String f :
        List.of("id", "tenantId", "ownerTenantId", "mspId", "createdBy", "actorUserId")) {
      UUID v = UUID.randomUUID();
      forged.put(f, v.toString());
      values.put(f, v);
    }
    values.put("builtIn", true);
    values.put("version", 987650000 + (int) (Math.random() * 9999));
    forged.put("version", values.get("version").toString());
    values.put("createdAt", "2001-02-03T04:05:06Z");
    values.put("updatedAt", "2001-02-03T04:05:07Z");
    forged.put("createdAt", "2001-02-03");
    values.put("kind", "INTEGRATION");
    values.put("hash", "forged-hash-" + tag);
    forged.put("hash", "forged-hash-" + tag);
    values.put("seq", 987654321);
    forged.put("seq", "987654321");

    Map<String, Map<String, String>> report = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (ApiRoutes.Route route : ApiRoutes.of(mapping)) {
      if (!List.of("POST", "PUT", "PATCH").contains(route.method())) {
        continue;
      }
      for (var field : values.entrySet()) {
        Case c = recipes.all.get(route.key()).make(own, who);
        if (!(c.call().body() instanceof Map<?, ?> valid) || valid.containsKey(field.getKey())) {
          report
              .computeIfAbsent(route.key(), k -> new TreeMap<>())
              .put(field.getKey(), c.call().body() instanceof Map<?, ?> ? "settable" : "no body");
          continue;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        valid.forEach((k, v) -> body.put(k.toString(), v));
        body.put(field.getKey(), field.getValue());
        Http.Response r = admin.http().send(c.call().method(), c.call().path(), body);
        // 2xx: the field was ignored; 400 (or another business refusal: 409, 412) refused the
        // request
        String outcome =
            r.status() >= 200 && r.status() < 300
                ? "ignored"
                : List.of(400, 409, 412, 428).contains(r.status())
                    ? String.valueOf(r.status())
                    : null;
        if (outcome == null) {
          problems.add(
              route.key()
                  + " + "
                  + field.getKey()
                  + ": "
                  + AuthorizationMatrixTest.abbreviate(r.toString()));
          outcome = r.status() + "!";
        }
        report.computeIfAbsent(route.key(), k -> new TreeMap<>()).put(field.getKey(), outcome);
        if (outcome.equals("ignored")) {
          c.after().run();
          assertThat(r.raw())
              .as("%s echoes a forged %s", route.key(), field.getKey())
              .doesNotContain(forged.getOrDefault(field.getKey(), "\u0000"));
          if (field.getKey().equals("kind")
              && r.raw().contains("\"kind\"")
              && !route.pattern().endsWith("/integrations")) {
            assertThat(r.json().path("kind").asString())
                .as(route.key() + " kind")
                .isNotEqualTo("INTEGRATION");
          }
        }
      }
    }
    for (var f : forged.entrySet()) {
      for (String table : TABLES) {
        long rows =
            jdbc.sql("select count(*) from " + table + " t where t::text like ?")
                .param("%" + f.getValue() + "%")
                .query(Long.class)
                .single();
        if (rows > 0) {
          problems.add(
              "forged "
                  + f.getKey()
                  + " ("
                  + f.getValue()
                  + ") landed in "
                  + rows
                  + " row(s) of "
                  + table);
        }
      }
    }
    assertThat(jdbc.sql("select count(*) from role where built_in").query(Long.class).single())
        .as("built-in roles")
        .isEqualTo(9);
    assertThat(
            jdbc.sql(
                    "select count(*) from app_user where kind = 'INTEGRATION' and created_by = ?"
                        + " and id in (select u.id from app_user u join person p on p.id = u.person_id where p.given_name = 'Man')")
                .param(admin.id())
                .query(Long.class)
                .single())
        .as("users/manual never creates an integration user")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from app_user where created_by is not null and created_by <> ? and created_at > now()"
                        + " - interval '10 minutes' and person_id in (select id from person where tenant_id = ?)")
                .params(admin.id(), own)
                .query(Long.class)
                .single())
        .as("users created here through the API record the caller (SQL fixtures have none)")
        .isZero();
    Files.writeString(Path.of("target/field-level-report.md"), table(report, values.keySet()));
    assertThat(problems).as("server-owned fields a caller could set").isEmpty();
  }

  private static String table(
      Map<String, Map<String, String>> report, java.util.Set<String> fields) {
    StringBuilder b = new StringBuilder("| route | " + String.join(" | ", fields) + " |\n|---|");
    fields.forEach(f -> b.append("---|"));
    b.append('\n');
    report.forEach(
        (route, row) -> {
          b.append("| `").append(route).append("` |");
          fields.forEach(f -> b.append(' ').append(row.getOrDefault(f, "")).append(" |"));
          b.append('\n');
        });
    return b.toString();
  }
}
