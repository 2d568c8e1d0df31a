package dev.tenantry.library.web;

import org.jspecify.annotations.Nullable;

final class Common {
  private Common() {}

  static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  static boolean yes(@Nullable Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}
