package dev.tenantry.library.web;

import dev.tenantry.library.internal.ScriptParameter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parameter declaration as sent; flags default to false. */
record ParameterInput(
    @Nullable String name,
    @Nullable String type,
    @Nullable Boolean required,
    @Nullable Boolean secret,
    @Nullable String description,
    @Nullable String defaultValue) {

  ScriptParameter toParameter() {
    return new ScriptParameter(
        name == null ? "" : name,
        type == null ? "STRING" : type,
        Boolean.TRUE.equals(required),
        Boolean.TRUE.equals(secret),
        description == null ? "" : description,
        defaultValue,
        false);
  }

  static List<ScriptParameter> all(@Nullable List<ParameterInput> in) {
    return in == null ? List.of() : in.stream().map(ParameterInput::toParameter).toList();
  }
}
