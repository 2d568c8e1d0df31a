package dev.tenantry.library.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores script parameters: declarations as JSON without secret values, secret default values
 * sealed in one encrypted JSON object bound to the version's id.
 */
@Component
class ScriptParameters {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");
  private static final Set<String> TYPES = Set.of("STRING", "NUMBER", "BOOLEAN", "DATE", "FILE");
  private final JsonMapper json;
  private final SecretBox box;

  ScriptParameters(JsonMapper json, SecretBox box) {
    this.json = json;
    this.box = box;
  }

  /** What a version stores: public declarations and the sealed secret defaults (or null). */
  record Stored(String parametersJson, byte @Nullable [] secretDefaults, boolean secretsChanged) {}

  /**
   * Validates the declarations; a secret parameter sent without a default keeps the default of the
   * previous version (secrets are never sent back, so "absent" means "unchanged").
   */
  Stored store(
      List<ScriptParameter> declared, Map<String, String> previousSecrets, String versionId) {
    Set<String> names = new HashSet<>();
    List<ScriptParameter> visible = new ArrayList<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (ScriptParameter p : declared) {
      if (p.name() == null || !NAME.matcher(p.name()).matches()) {
        throw ApiException.invalid("parameters: '" + p.name() + "' is not a valid parameter name");
      }
      if (!names.add(p.name().toLowerCase())) {
        throw ApiException.invalid("parameters: '" + p.name() + "' is declared twice");
      }
      String type = p.type().toUpperCase();
      if (!TYPES.contains(type)) {
        throw ApiException.invalid(
            "parameters: type of '" + p.name() + "' must be one of " + TYPES);
      }
      if (p.secret()) {
        String value = p.defaultValue() != null ? p.defaultValue() : previousSecrets.get(p.name());
        if (value != null) {
          secrets.put(p.name(), value);
        }
        visible.add(
            new ScriptParameter(
                p.name(), type, p.required(), true, p.description(), null, value != null));
      } else {
        visible.add(
            new ScriptParameter(
                p.name(), type, p.required(), false, p.description(), p.defaultValue(), false));
      }
    }
    byte[] sealed =
        secrets.isEmpty() ? null : box.sealText(json.writeValueAsString(secrets), versionId);
    return new Stored(json.writeValueAsString(visible), sealed, !secrets.equals(previousSecrets));
  }

  List<ScriptParameter> declared(String parametersJson) {
    return json.readValue(parametersJson, new TypeReference<List<ScriptParameter>>() {});
  }

  Map<String, String> secrets(ScriptVersionRow v) {
    if (v.secretDefaults() == null) {
      return Map.of();
    }
    return json.readValue(
        box.openText(v.secretDefaults(), v.id().toString()),
        new TypeReference<Map<String, String>>() {});
  }
}
