package dev.tenantry.security;

import dev.tenantry.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile variants of one valid request for {@link ApiFuzzTest}: one thing broken at a time.
 * Path variables and query parameters come from the OpenAPI operation; body fields from the valid
 * body (two levels deep) and the operation's request schema.
 */
final class FuzzInputs {
  private FuzzInputs() {}

  /** One request to send; {@code body} is raw text (null: no body). */
  record Request(
      String method, String pathAndQuery, @Nullable String body, String contentType, String what) {}

  private static final String MARK = "\"__fuzz__\"";

  /** Raw JSON values that replace one field. */
  static final List<String> VALUES =
      List.of(
          "null",
          "-1",
          "9223372036854775808",
          "1e400",
          "true",
          "[\"x\", 1, null]",
          "{}",
          "\"\"",
          "\"not-a-guid\"",
          "\"" + "x".repeat(3000) + "\"",
          "\"a\\u0000b\"",
          "\"\\u202Eevil\\u200B\\uD83D\\uDC69\\u200D\\uD83D\\uDCBB e\\u0301 \\uFFFF\"",
          "\"\\ud800 lone surrogate\"",
          "\"+999999999-12-31T23:59:59Z\"");

  /** Raw bodies that replace the whole body. */
  static final List<String> BODIES =
      List.of(
          "{",
          "[]",
          "null",
          "\"text\"",
          "123",
          "{\"name\": \"\\ud800\"}",
          "[".repeat(5000),
          "{\"pad\": \"" + "x".repeat(1_000_000) + "\"}",
          "{\"a\": 1, \"a\": 2}",
          "\uFEFF{}");

  /** URL-encoded values for one path variable. */
  static final List<String> PATH_VALUES =
      List.of(
          "not-a-guid",
          UUID.randomUUID().toString(),
          "%00",
          "x".repeat(300),
          "%E2%80%AE%F0%9F%92%A9",
          "00000000-0000-0000-0000-000000000000",
          "%25%5F%5C");

  /** URL-encoded values for one query parameter. */
  static final List<String> QUERY_VALUES =
      List.of(
          "x",
          "99999999999999999999",
          "%00",
          "a".repeat(3000),
          "%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB%E2%80%AE",
          "%2B999999999-12-31T23%3A59%3A59Z",
          "%25_%5C",
          "not-a-guid");

  static List<Request> of(
      MatrixRecipes.Call valid, String template, JsonNode operation, JsonNode doc) {
    List<Request> out = new ArrayList<>();
    String method = valid.method();
    String validBody =
        valid.body() == null
            ? null
            : valid.body() instanceof String s ? s : Http.json().writeValueAsString(valid.body());
    String path = valid.path();
    String query = "";
    int q = path.indexOf('?');
    if (q >= 0) {
      query = path.substring(q + 1);
      path = path.substring(0, q);
    }
    String sep = query.isEmpty() ? "?" : "?" + query + "&";
    String base = query.isEmpty() ? path : path + "?" + query;

    // path variables: the segments that are {variables} in the documented template
    String[] segments = path.split("/", -1);
    String[] variables = template.split("/", -1);
    for (int i = 0; i < segments.length && i < variables.length; i++) {
      if (!variables[i].startsWith("{")) {
        continue;
      }
      for (String v : PATH_VALUES) {
        String[] copy = segments.clone();
        copy[i] = v;
        out.add(
            new Request(
                method,
                String.join("/", copy) + (query.isEmpty() ? "" : "?" + query),
                validBody,
                "application/json",
                "path " + i + " = " + abbreviate(v)));
      }
    }
    // query parameters the document declares
    for (JsonNode p : operation.path("parameters")) {
      if (!p.path("in").asString().equals("query")) {
        continue;
      }
      String name = p.path("name").asString();
      for (String v : QUERY_VALUES) {
        out.add(
            new Request(
                method,
                path + sep + name + "=" + v,
                validBody,
                "application/json",
                "query " + name + " = " + abbreviate(v)));
      }
    }
    boolean takesBody = !operation.path("requestBody").isMissingNode() || validBody != null;
    if (!takesBody) {
      return out;
    }
    for (String b : BODIES) {
      out.add(new Request(method, base, b, "application/json", "body " + abbreviate(b)));
    }
    out.add(new Request(method, base, null, "application/json", "no body"));
    out.add(
        new Request(
            method,
            base,
            validBody == null ? "{}" : validBody,
            "text/plain",
            "text/plain content type"));
    JsonNode tree = validBody == null ? null : jsonOrNull(validBody);
    if (tree == null || !tree.isObject()) {
      tree = Http.json().createObjectNode();
    }
    for (List<String> field : fields(tree, schemaProperties(operation, doc))) {
      for (String v : VALUES) {
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        ObjectNode parent = copy;
        for (String step : field.subList(0, field.size() - 1)) {
          parent = (ObjectNode) parent.get(step);
        }
        parent.put(field.get(field.size() - 1), "__fuzz__");
        String body = Http.json().writeValueAsString(copy).replace(MARK, v);
        out.add(
            new Request(
                method,
                base,
                body,
                "application/json",
                "field " + String.join(".", field) + " = " + abbreviate(v)));
      }
    }
    return out;
  }

  /** Fields of the valid body, objects one level down, plus those the schema names. */
  private static List<List<String>> fields(JsonNode tree, Set<String> schema) {
    Set<List<String>> out = new LinkedHashSet<>();
    for (var e : tree.properties()) {
      out.add(List.of(e.getKey()));
      if (e.getValue().isObject()) {
        for (var inner : e.getValue().properties()) {
          out.add(List.of(e.getKey(), inner.getKey()));
        }
      }
    }
    for (String s : schema) {
      out.add(List.of(s));
    }
    return new ArrayList<>(out);
  }

  private static Set<String> schemaProperties(JsonNode operation, JsonNode doc) {
    Set<String> names = new LinkedHashSet<>();
    JsonNode schema =
        operation.path("requestBody").path("content").path("application/json").path("schema");
    String ref = schema.path("$ref").asString("");
    if (ref.startsWith("#/components/schemas/")) {
      schema = doc.path("components").path("schemas").path(ref.substring(21));
    }
    for (var p : schema.path("properties").properties()) {
      names.add(p.getKey());
    }
    return names;
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
  }

  /** A recipe's valid body as JSON; null for a body of another type (e.g. a CSV import). */
  private static @Nullable JsonNode jsonOrNull(String body) {
    try {
      return Http.json().readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
