package dev.tenantry.library.internal;

import org.jspecify.annotations.Nullable;

/**
 * A parameter a script declares. A secret parameter's default value is encrypted at rest and never
 * shown here: {@code defaultValue} is then null and {@code secretDefaultSet} says whether one
 * exists.
 */
public record ScriptParameter(
    String name,
    String type,
    boolean required,
    boolean secret,
    String description,
    @Nullable String defaultValue,
    boolean secretDefaultSet) {

  public ScriptParameter {
    description = description == null ? "" : description;
    type = type == null || type.isBlank() ? "STRING" : type;
  }

  ScriptParameter withoutSecret(boolean set) {
    return new ScriptParameter(name, type, required, true, description, null, set);
  }
}
