package dev.tenantry.changes.web;

import dev.tenantry.shared.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A proposal ({@code after} of a change request, a JSON object) as form fields and back: each
 * top-level field becomes an input of its kind — text (a text area when it spans lines), number,
 * check box, JSON (objects and arrays, e.g. a deployment's target) — and an empty field that was
 * {@code null} stays null. The kinds come from the stored proposal, never from the form, so a
 * revision keeps the proposal's shape; the feature's applier still validates the values.
 */
final class ProposalForm {
  enum Kind {
    TEXT,
    LONG_TEXT,
    NUMBER,
    FLAG,
    JSON,
    OPTIONAL
  }

  /** One field as the form shows it: its name, kind and current (or submitted) text. */
  record Field(String name, Kind kind, String value) {
    public boolean checked() {
      return "true".equals(value);
    }
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ProposalForm() {}

  static List<Field> fields(JsonNode after, JsonMapper json) {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : after.properties()) {
      JsonNode v = e.getValue();
      Kind kind = kind(v);
      String text =
          switch (kind) {
            case TEXT, LONG_TEXT -> v.stringValue();
            case NUMBER -> v.asString();
            case FLAG -> String.valueOf(v.booleanValue());
            case JSON -> json.writerWithDefaultPrettyPrinter().writeValueAsString(v);
            case OPTIONAL -> "";
          };
      fields.add(new Field(e.getKey(), kind, text));
    }
    return fields;
  }

  /** The submitted values ({@code f.<name>}) over the stored proposal's fields. */
  static List<Field> submitted(JsonNode after, Map<String, String> form, JsonMapper json) {
    return fields(after, json).stream()
        .map(
            f ->
                new Field(
                    f.name(),
                    f.kind(),
                    f.kind() == Kind.FLAG
                        ? String.valueOf(form.containsKey("f." + f.name()))
                        : form.getOrDefault("f." + f.name(), "")))
        .toList();
  }

  /** The new proposal; 400 naming the field when a value does not fit its kind. */
  static ObjectNode proposal(List<Field> fields, JsonMapper json) {
    ObjectNode after = F.objectNode();
    for (Field f : fields) {
      after.set(f.name(), value(f, json));
    }
    return after;
  }

  private static JsonNode value(Field f, JsonMapper json) {
    String v = f.value();
    return switch (f.kind()) {
      case TEXT, LONG_TEXT -> F.stringNode(v.replace("\r\n", "\n"));
      case FLAG -> F.booleanNode(f.checked());
      case NUMBER -> number(f.name(), v);
      case JSON -> parsed(f.name(), v, json);
      case OPTIONAL -> v.isBlank() ? F.nullNode() : loose(v.strip(), json);
    };
  }

  private static JsonNode number(String name, String v) {
    try {
      return v.strip().matches("-?\\d{1,18}")
          ? F.numberNode(Long.parseLong(v.strip()))
          : F.numberNode(new java.math.BigDecimal(v.strip()));
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name + ": a number");
    }
  }

  private static JsonNode parsed(String name, String v, JsonMapper json) {
    try {
      return json.readTree(v);
    } catch (JacksonException e) {
      throw ApiException.invalid(name + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** A field that was empty: JSON when it reads as JSON (a number, true, an object), else text. */
  private static JsonNode loose(String v, JsonMapper json) {
    if (v.matches("-?\\d+(\\.\\d+)?|true|false") || v.startsWith("{") || v.startsWith("[")) {
      return parsed("value", v, json);
    }
    return F.stringNode(v);
  }

  private static Kind kind(@Nullable JsonNode v) {
    if (v == null || v.isNull()) {
      return Kind.OPTIONAL;
    }
    if (v.isBoolean()) {
      return Kind.FLAG;
    }
    if (v.isNumber()) {
      return Kind.NUMBER;
    }
    if (v.isString()) {
      String s = v.stringValue();
      return s.contains("\n") || s.length() > 120 ? Kind.LONG_TEXT : Kind.TEXT;
    }
    return Kind.JSON;
  }
}
