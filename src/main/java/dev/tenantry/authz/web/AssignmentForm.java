package dev.tenantry.authz.web;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.ScopeKind;
import dev.tenantry.authz.internal.*;
import dev.tenantry.shared.web.ApiException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The "assign a role" form: principal, role, scope kind and value, allow/deny, expiry (UTC). A
 * RESOURCE scope takes {@code resourceKind} and one computer, a computer tag, or computer types,
 * the last two optionally limited to {@code resourceTenantId} or to the MSP {@code resourceMspId}.
 * A tenant tag scope may be limited to the MSP {@code mspId}.
 */
record AssignmentForm(
    @Nullable UUID userId,
    @Nullable UUID groupId,
    @Nullable UUID roleId,
    @Nullable ScopeKind scopeKind,
    @Nullable UUID scopeTenantId,
    @Nullable Boolean includeChildren,
    @Nullable UUID tagId,
    @Nullable Effect effect,
    @Nullable String expiresAt,
    ScopeDto.@Nullable ResourceKind resourceKind,
    @Nullable UUID computerId,
    @Nullable UUID computerTagId,
    @Nullable List<ComputerType> computerTypes,
    @Nullable UUID resourceTenantId,
    @Nullable UUID mspId,
    @Nullable UUID resourceMspId) {

  AssignmentRequest request() {
    if (userId == null && groupId == null) {
      throw ApiException.invalid("Choose the user or group to assign the role to");
    }
    if (roleId == null) {
      throw ApiException.invalid("Choose a role");
    }
    if (scopeKind == null) {
      throw ApiException.invalid("Choose a scope");
    }
    var principal =
        userId != null
            ? new PrincipalDto(PrincipalDto.Type.USER, userId)
            : new PrincipalDto(PrincipalDto.Type.GROUP, groupId);
    var scope =
        scopeKind == ScopeKind.RESOURCE
            ? new ScopeDto(scopeKind, null, null, null, resource())
            : new ScopeDto(
                scopeKind,
                scopeTenantId,
                includeChildren,
                tagId,
                null,
                scopeKind == ScopeKind.TENANT_TAG ? mspId : null);
    return new AssignmentRequest(
        principal, roleId, scope, effect == null ? Effect.ALLOW : effect, expiry());
  }

  private ScopeDto.ResourceDto resource() {
    if (resourceKind == null) {
      throw ApiException.invalid(
          "Choose which computers: one computer, a computer tag or computer types");
    }
    return switch (resourceKind) {
      case COMPUTER -> new ScopeDto.ResourceDto(resourceKind, computerId, null, null, null);
      case COMPUTER_TAG ->
          new ScopeDto.ResourceDto(
              resourceKind, null, computerTagId, null, resourceTenantId, resourceMspId);
      case COMPUTER_TYPES ->
          new ScopeDto.ResourceDto(
              resourceKind, null, null, computerTypes, resourceTenantId, resourceMspId);
    };
  }

  private @Nullable Instant expiry() {
    if (expiresAt == null || expiresAt.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(expiresAt).toInstant(ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.invalid("The expiry must be a date and time such as 2030-01-31T17:00");
    }
  }
}
