package dev.tenantry.authz;

/** The six scope kinds of DESIGN §2; {@link Scope#kind()} returns one. */
public enum ScopeKind {
  OWNER,
  MSP,
  TENANT,
  TENANT_TAG,
  USERS_TENANT,
  RESOURCE
}
