package dev.tenantry.directory.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** GUIDs typed by people (Azure object ids): validated by pattern, so the message is clear. */
final class Guid {
  static final String PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  static final String MESSAGE = "must be a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301";

  private Guid() {}

  static @Nullable UUID parse(@Nullable String s) {
    return s == null || s.isBlank() ? null : UUID.fromString(s);
  }
}
