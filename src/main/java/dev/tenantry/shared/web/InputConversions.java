package dev.tenantry.shared.web;

import java.time.Instant;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters and path variables of type {@link Instant} obey {@link InputLimits#instant} (a
 * value outside the years 1 to 9999 is a 400 naming the parameter, not a database error).
 */
@Configuration
class InputConversions implements WebMvcConfigurer {
  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addFormatterForFieldType(
        Instant.class,
        new Formatter<Instant>() {
          @Override
          public Instant parse(String text, Locale locale) {
            return InputLimits.instant(text);
          }

          @Override
          public String print(Instant object, Locale locale) {
            return object.toString();
          }
        });
  }
}
