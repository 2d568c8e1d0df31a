package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.identity.internal.UserRepository.UserView;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.InputLimits;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/users")
class UsersController {
  private final UserAdmin users;

  UsersController(UserAdmin users) {
    this.users = users;
  }

  record Promote(UUID personId) {}

  record Manual(
      UUID tenantId, String givenName, String familyName, String email, String azureObjectId) {}

  record Integration(UUID tenantId, String name, String appId, @Nullable String entraTenantId) {}

  @Requires(
      value = {Permission.USERS_VIEW},
      on = On.LIST)
  @GetMapping
  Page<UserView> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) UUID tenantId,
      @RequestParam(required = false) Boolean enabled,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return users.list(q, tenantId, enabled, page, size);
  }

  @Requires(
      value = {Permission.USERS_VIEW},
      on = On.USER)
  @GetMapping("/{id}")
  UserView get(@PathVariable UUID id) {
    return users.get(id);
  }

  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_MANAGE},
      on = On.PERSON,
      note = "on the person's tenant")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  UserView promote(@RequestBody Promote body) {
    return users.promote(body.personId());
  }

  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_MANAGE},
      on = On.TENANT)
  @PostMapping("/manual")
  @ResponseStatus(HttpStatus.CREATED)
  UserView manual(@RequestBody Manual b) {
    required(b.tenantId(), "tenantId");
    return users.createManual(
        b.tenantId(), nz(b.givenName()), nz(b.familyName()), nz(b.email()), b.azureObjectId());
  }

  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_MANAGE, Permission.USERS_MANAGE_INTEGRATION},
      on = On.TENANT)
  @PostMapping("/integrations")
  @ResponseStatus(HttpStatus.CREATED)
  UserView integration(@RequestBody Integration b) {
    required(b.tenantId(), "tenantId");
    return users.createIntegration(b.tenantId(), nz(b.name()), b.appId(), b.entraTenantId());
  }

  /**
   * {@code enabled}, {@code accessExpiresAt} (null = never; absent = unchanged), {@code version}.
   */
  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_MANAGE},
      on = On.USER)
  @PatchMapping("/{id}")
  UserView update(@PathVariable UUID id, @RequestBody JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.invalid("The request body must be a JSON object");
    }
    JsonNode version = body.get("version");
    JsonNode enabled = body.get("enabled");
    JsonNode expiry = body.get("accessExpiresAt");
    if (version != null && !version.isNull() && !version.canConvertToExactIntegral()) {
      throw ApiException.invalid("version must be a whole number");
    }
    if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
      throw ApiException.invalid("enabled must be true or false");
    }
    if (expiry != null && !expiry.isNull() && !expiry.isString()) {
      throw ApiException.invalid(
          "accessExpiresAt must be an ISO-8601 instant such as 2030-01-31T17:00:00Z, or null");
    }
    return users.update(
        id,
        version == null || version.isNull() ? null : version.asLong(),
        enabled == null || enabled.isNull() ? null : enabled.asBoolean(),
        expiry != null,
        expiry == null || expiry.isNull() ? null : instant(expiry.asString()));
  }

  private static Instant instant(String value) {
    try {
      return InputLimits.instant(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("accessExpiresAt " + e.getMessage() + ", or null");
    }
  }

  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_DELETE},
      on = On.USER)
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    users.delete(id);
  }

  private static void required(@Nullable Object value, String field) {
    if (value == null) {
      throw ApiException.invalid(field + " is required");
    }
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s.trim();
  }
}
