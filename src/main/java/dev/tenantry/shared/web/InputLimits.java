package dev.tenantry.shared.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Limits on every value a JSON request body carries, checked while it is read so that a refusal
 * names the field (400): text holds no NUL character and at most {@link #MAX_TEXT} characters (no
 * field of the API needs more; the database keeps tighter limits per column), and an instant lies
 * within the years 1 to 9999 (what PostgreSQL and {@code java.sql.Timestamp} both hold). Query
 * parameters get the same instant rule from {@link InputConversions}.
 */
@Component
public class InputLimits extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The longest text any field of the API accepts. */
  public static final int MAX_TEXT = 2000;

  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public InputLimits() {
    super("tenantry-input-limits");
    addDeserializer(Instant.class, new BoundedInstant());
    setDeserializerModifier(new CheckedStrings());
  }

  /**
   * Parses an ISO-8601 instant ({@code 2030-01-31T17:00:00Z}, an offset is allowed) within the
   * years 1 to 9999; the message of the exception is fit to show to the caller.
   */
  public static Instant instant(String text) {
    String s = text.strip();
    Instant parsed;
    try {
      parsed = Instant.parse(s);
    } catch (DateTimeException e) {
      try {
        parsed = OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeException again) {
        throw new IllegalArgumentException(
            "must be an ISO-8601 instant such as 2030-01-31T17:00:00Z");
      }
    }
    if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
      throw new IllegalArgumentException("must lie between the years 1 and 9999");
    }
    return parsed;
  }

  /**
   * Refuses (400, naming {@code field}) text with a NUL character or longer than {@code max}: for
   * values that arrive outside a JSON body (forms) or need a tighter limit than {@link #MAX_TEXT}.
   */
  public static String requireText(String field, String text, int max) {
    String problem = textProblem(text);
    if (problem == null && text.length() > max) {
      problem = "must be at most " + max + " characters long";
    }
    if (problem != null) {
      throw ApiException.invalid(field + " " + problem);
    }
    return text;
  }

  /** Why {@code text} is refused, or null when it is acceptable. */
  public static @org.jspecify.annotations.Nullable String textProblem(String text) {
    if (text.indexOf('\0') >= 0) {
      return "must not contain NUL characters";
    }
    if (text.length() > MAX_TEXT) {
      return "must be at most " + MAX_TEXT + " characters long";
    }
    return null;
  }

  private static final class BoundedInstant extends StdDeserializer<Instant> {
    BoundedInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getString();
      try {
        return instant(text);
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(abbreviate(text), Instant.class, e.getMessage());
      }
    }
  }

  private static final class CheckedStrings extends ValueDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config, BeanDescription.Supplier desc, ValueDeserializer<?> d) {
      return d.handledType() == String.class ? new CheckedString(d) : d;
    }
  }

  private static final class CheckedString extends StdDeserializer<String> {
    private final ValueDeserializer<?> delegate;

    CheckedString(ValueDeserializer<?> delegate) {
      super(String.class);
      this.delegate = delegate;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      Object value = delegate.deserialize(p, ctxt);
      if (value instanceof String s) {
        String problem = textProblem(s);
        if (problem != null) {
          throw ctxt.weirdStringException(abbreviate(s), String.class, problem);
        }
      }
      return (String) value;
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return delegate.getNullValue(ctxt);
    }
  }

  static String abbreviate(String s) {
    String clean = s.replace('\0', '?');
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}
