package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role-assignment scope as an approver sends it: {@code kind} one of OWNER, MSP, TENANT,
 * TENANT_TAG, USERS_TENANT (RESOURCE scopes are granted through the authz API, not here). Only the
 * shape is checked here; the authz engine will validate it fully.
 */
record ScopeInput(
    String kind, @Nullable UUID tenantId, @Nullable Boolean includeChildren, @Nullable UUID tagId) {
  private static final Set<String> KINDS =
      Set.of("OWNER", "MSP", "TENANT", "TENANT_TAG", "USERS_TENANT");

  ScopeInput validated() {
    if (kind == null || !KINDS.contains(kind)) {
      throw ApiException.invalid("scope.kind must be one of " + KINDS);
    }
    if ((kind.equals("MSP") || kind.equals("TENANT")) && tenantId == null) {
      throw ApiException.invalid("scope.tenantId is required for a " + kind + " scope");
    }
    if (kind.equals("TENANT_TAG") && tagId == null) {
      throw ApiException.invalid("scope.tagId is required for a TENANT_TAG scope");
    }
    return this;
  }

  boolean children() {
    return includeChildren != null && includeChildren;
  }
}
