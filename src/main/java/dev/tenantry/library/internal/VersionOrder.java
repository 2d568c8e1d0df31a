package dev.tenantry.library.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proper ordering of version strings as a sort key that PostgreSQL compares byte by byte ({@code
 * collate "C"}): numbers compare as numbers ({@code 1.2 < 1.10}), a suffix after the numbers marks
 * a pre-release ({@code 1.0-beta < 1.0 < 1.0.1}), letters compare case-insensitively, and
 * separators ({@code . - _ +}) only split. Key of one token: {@code #} + 18-digit number, or {@code
 * !} + text; each ends with {@code .}; the key ends with {@code "}, which sorts after {@code !}
 * (pre-releases first) and before {@code #} (longer versions later).
 */
public final class VersionOrder {
  private static final Pattern TOKEN = Pattern.compile("(\\d+)|([a-z]+)");

  private VersionOrder() {}

  public static String sortKey(String version) {
    StringBuilder key = new StringBuilder();
    for (String token : tokens(version)) {
      if (Character.isDigit(token.charAt(0))) {
        String digits = token.replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 18) {
          throw new IllegalArgumentException("version number part too long: " + token);
        }
        key.append('#').append("0".repeat(18 - digits.length())).append(digits);
      } else {
        key.append('!').append(token);
      }
      key.append('.');
    }
    return key.append('"').toString();
  }

  static List<String> tokens(String version) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(version.toLowerCase(java.util.Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Compares two version strings the way the sort key does. */
  public static int compare(String a, String b) {
    return sortKey(a).compareTo(sortKey(b));
  }
}
