package dev.tenantry.shared.web;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns internal failures (Jackson, conversion, PostgreSQL) into messages fit for the caller: they
 * name the field and what it must look like, never a Java class, method or SQL text. The full
 * exception goes to the server log only.
 */
public final class PublicMessages {
  private static final Pattern CHECK =
      Pattern.compile("relation \"(\\w+)\" violates check constraint \"(\\w+)\"");
  private static final Pattern NOT_NULL = Pattern.compile("column \"(\\w+)\"");

  private PublicMessages() {}

  /** What a type must look like, in the API's words. */
  static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == UUID.class) {
      return "a GUID";
    }
    if (type == Instant.class) {
      return "an ISO-8601 instant such as 2030-01-31T17:00:00Z";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a whole number";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "text";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "an object";
  }

  /** The JSON path of a Jackson failure, e.g. {@code scope.tenantId} or {@code ids[2]}. */
  static String path(JacksonException e) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** Why a JSON body could not be read, naming the field. */
  public static String unreadable(@Nullable JacksonException e) {
    if (e == null) {
      return "The request body is missing or is not valid JSON";
    }
    String field = path(e);
    String where = field.isEmpty() ? "The request body" : field;
    if (e instanceof PropertyBindingException p) {
      return "Unknown field " + (field.isEmpty() ? p.getPropertyName() : field);
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() == String.class
        || e instanceof InvalidFormatException g && g.getTargetType() == Instant.class) {
      return where + " " + e.getOriginalMessage().replaceFirst("(?s)^.*?: ", "").strip();
    }
    if (e instanceof MismatchedInputException m) {
      return where + " must be " + expected(m.getTargetType());
    }
    if (e instanceof tools.jackson.core.exc.StreamReadException) {
      var at = e.getLocation();
      return "The request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
    return where + " is not valid";
  }

  /**
   * A public message for a PostgreSQL data or constraint error caused by the caller's input, or
   * null when the error is not one (e.g. a lost connection).
   */
  static @Nullable String database(Throwable e) {
    SQLException sql = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        sql = s;
        break;
      }
    }
    if (sql == null) {
      return null;
    }
    String state = sql.getSQLState();
    String message = String.valueOf(sql.getMessage());
    if (state.equals("23514")) { // check_violation: name the column the constraint is about
      Matcher m = CHECK.matcher(message);
      String field = m.find() ? field(m.group(1), m.group(2)) : "";
      return field.isEmpty()
          ? "A value is outside what the field allows"
          : field + " is outside what the field allows (too long, empty or badly formed)";
    }
    if (state.equals("23502")) { // not_null_violation
      Matcher m = NOT_NULL.matcher(message);
      return (m.find() ? camel(m.group(1)) : "A field") + " is required";
    }
    if (state.equals("22021")) { // character_not_in_repertoire (NUL)
      return "Text must not contain NUL characters";
    }
    if (state.startsWith("22")) { // data exception: out of range, bad pattern, too long
      return "A value is out of range or badly formed";
    }
    return null;
  }

  private static String field(String table, String constraint) {
    String rest = constraint;
    if (rest.startsWith(table + "_")) {
      rest = rest.substring(table.length() + 1);
    }
    if (rest.endsWith("_check")) {
      rest = rest.substring(0, rest.length() - "_check".length());
    }
    return rest.isEmpty() || rest.matches("(check)?\\d*") ? "" : camel(rest);
  }

  static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toLowerCase(Locale.ROOT).toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
