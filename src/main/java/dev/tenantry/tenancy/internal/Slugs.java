package dev.tenantry.tenancy.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-friendly identifiers derived from names: lower-case ASCII words joined by dashes. */
final class Slugs {
  static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final int MAX_BASE = 60;

  private Slugs() {}

  static String from(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_BASE) {
      slug = slug.substring(0, MAX_BASE).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "tenant" : slug;
  }

  static boolean valid(String slug) {
    return slug.length() <= 200 && VALID.matcher(slug).matches();
  }
}
