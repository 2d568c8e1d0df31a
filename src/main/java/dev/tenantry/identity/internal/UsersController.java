package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.identity.internal.UserRepository.UserView;
import dev.tenantry.shared.Page;
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
    return users.createManual(
        b.tenantId(), nz(b.givenName()), nz(b.familyName()), nz(b.email()), b.azureObjectId());
  }

  @Requires(
      value = {Permission.USERS_VIEW, Permission.USERS_MANAGE, Permission.USERS_MANAGE_INTEGRATION},
      on = On.TENANT)
  @PostMapping("/integrations")
  @ResponseStatus(HttpStatus.CREATED)
  UserView integration(@RequestBody Integration b) {
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
    JsonNode expiry = body.get("accessExpiresAt");
    return users.update(
        id,
        body.hasNonNull("version") ? body.get("version").asLong() : null,
        body.hasNonNull("enabled") ? body.get("enabled").asBoolean() : null,
        expiry != null,
        expiry == null || expiry.isNull() ? null : instant(expiry.asString()));
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw dev.tenantry.shared.web.ApiException.invalid(
          "accessExpiresAt must be an ISO-8601 instant such as 2030-01-31T17:00:00Z, or null");
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

  private static String nz(@Nullable String s) {
    return s == null ? "" : s.trim();
  }
}
